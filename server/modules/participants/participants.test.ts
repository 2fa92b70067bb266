import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createOtherNetwork, demoIds } from '../../../test/support/factories.ts';

for (const kind of testDatabaseKinds()) {
  describe(`participants [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    let base: { officeId: string; cityId: string };
    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
      ids = await demoIds(t.database.db);
      const city = await t.database.db.selectFrom('cities').select('id').where('name', '=', 'Wuppertal').executeTakeFirstOrThrow();
      base = { officeId: ids.org('Fallmanagement Wuppertal'), cityId: city.id };
    });
    after(() => t.close());

    test('the case manager creates Amal with her case, reads her back, and both are audited', async () => {
      const res = await cm.post('/api/participants', {
        ...base,
        givenNames: 'Amal',
        familyName: 'Al-Zahra',
        preferredName: 'Amal',
        birthDate: '1994-06-01',
        gender: 'female',
        nationality: 'sy',
        languages: [
          { language: 'ar', level: 'native' },
          { language: 'en', level: 'B1' },
        ],
        germanLevel: 'A2',
        phone: '',
        postcode: '42103',
        housing: 'shared_flat',
        familyStatus: 'married',
        childrenCount: 2,
        childcareNeeded: true,
        interpreterNeeded: true,
        interpreterLanguage: 'Arabisch',
        status: 'active',
        entryDate: '2026-11-02',
      });
      assert.equal(res.statusCode, 201, res.body);
      const amal = res.json();
      assert.equal(amal.nationality, 'SY');
      assert.equal(amal.phone, null);
      assert.equal(amal.currentCase.status, 'active');
      assert.equal(amal.currentCase.caseManagerName, 'Fatma Yılmaz');
      assert.equal(amal.currentCase.cityName, 'Wuppertal');
      const read = (await cm.get(`/api/participants/${amal.id}`)).json();
      assert.deepEqual(read.languages, amal.languages);
      const actions = (await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', amal.id).execute()).map(
        (e) => e.action,
      );
      assert.deepEqual(actions, ['participant.create', 'participant.read']);
    });

    test('bad input: impossible dates, unknown values, a 5 MB name — clear field messages, nothing stored', async () => {
      const before = (await cm.get('/api/participants?pageSize=1')).json().total;
      const res = await cm.post('/api/participants', {
        ...base,
        givenNames: '',
        familyName: 'X',
        birthDate: '1990-02-30',
        gender: 'unknown',
        germanLevel: 'D1',
        postcode: '4210',
        email: 'nope',
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(Object.keys(res.json().fields).sort(), ['birthDate', 'email', 'gender', 'germanLevel', 'givenNames', 'postcode']);
      const future = await cm.post('/api/participants', { ...base, givenNames: 'A', familyName: 'B', birthDate: '2999-01-01' });
      assert.deepEqual(future.json().fields.birthDate, ['Not a plausible birth date']);
      const huge = await cm.post('/api/participants', { ...base, givenNames: 'x'.repeat(5_000_000), familyName: 'B' });
      assert.equal(huge.statusCode, 413);
      const otherOffice = await cm.post('/api/participants', {
        ...base,
        officeId: ids.org('Fallmanagement Solingen'),
        givenNames: 'A',
        familyName: 'B',
      });
      assert.equal(otherOffice.statusCode, 403);
      const wrongManager = await cm.post('/api/participants', {
        ...base,
        givenNames: 'Anna',
        familyName: 'Berg',
        caseManagerId: ids.user('jobcoach@lotse.example'),
      });
      assert.deepEqual(wrongManager.json().fields.caseManagerId, ['Not a case manager of this office']);
      assert.equal((await cm.get('/api/participants?pageSize=1')).json().total, before);
    });

    test('two case managers edit the same person: the stale save is a 409 and overwrites nothing', async () => {
      const person = (
        await cm.post('/api/participants', { ...base, givenNames: 'Reza', familyName: 'Hosseini-Tabar', birthDate: '1989-09-19' })
      ).json();
      const colleague = await t.as('fallmanager@lotse.example');
      assert.equal((await cm.patch(`/api/participants/${person.id}`, { phone: '0176 111', version: person.version })).statusCode, 200);
      const stale = await colleague.patch(`/api/participants/${person.id}`, { phone: '0176 999', version: person.version });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().current.phone, '0176 111');
      assert.equal((await cm.get(`/api/participants/${person.id}`)).json().phone, '0176 111');
    });

    test('closing a case needs an exit date and reason; the timeline tells the story', async () => {
      const person = (
        await cm.post('/api/participants', {
          ...base,
          givenNames: 'Tesfaye',
          familyName: 'Gebreyes',
          birthDate: '1996-03-30',
          status: 'active',
          entryDate: '2026-01-10',
        })
      ).json();
      const caseId = person.currentCase.id;
      const incomplete = await cm.patch(`/api/cases/${caseId}`, { status: 'placed', version: person.currentCase.version });
      assert.equal(incomplete.statusCode, 400);
      assert.deepEqual(Object.keys(incomplete.json().fields).sort(), ['exitDate', 'exitReason']);
      const before = await cm.patch(`/api/cases/${caseId}`, {
        status: 'placed',
        exitDate: '2025-12-01',
        exitReason: 'placed_employment',
        version: person.currentCase.version,
      });
      assert.deepEqual(before.json().fields.exitDate, ['The exit cannot be before the entry']);
      const placed = await cm.patch(`/api/cases/${caseId}`, {
        status: 'placed',
        exitDate: '2026-11-15',
        exitReason: 'placed_employment',
        version: person.currentCase.version,
      });
      assert.equal(placed.statusCode, 200, placed.body);
      await cm.patch(`/api/participants/${person.id}`, { germanLevel: 'B1', version: person.version });
      const timeline = (await cm.get(`/api/participants/${person.id}/timeline`)).json();
      assert.deepEqual(
        timeline.map((e: { kind: string }) => e.kind),
        ['participant.created', 'case.updated', 'participant.updated'],
      );
      assert.equal(timeline[1].data.status, 'placed');
      assert.equal(timeline[1].data.from, 'active');
      assert.equal(timeline[1].actorName, 'Fatma Yılmaz');
    });

    test('the list filters by status, German level, residence title and deadlines, and searches names fuzzily', async () => {
      const placed = (await cm.get('/api/participants?status=placed&pageSize=200')).json();
      assert.ok(placed.total > 0 && placed.items.every((p: { caseStatus: string }) => p.caseStatus === 'placed'));
      const b1 = (await cm.get('/api/participants?germanLevel=B1&pageSize=200')).json();
      assert.ok(b1.items.every((p: { germanLevel: string }) => p.germanLevel === 'B1'));
      const duldung = (await cm.get('/api/participants?residenceTitle=duldung&pageSize=200')).json();
      assert.ok(duldung.total > 0 && duldung.items.every((p: { residenceTitle: string }) => p.residenceTitle === 'duldung'));
      const soon = (await cm.get('/api/participants?deadlineWithinDays=42&sort=residenceValidUntil&pageSize=200')).json();
      const limit = new Date(Date.now() + 42 * 86400_000).toISOString().slice(0, 10);
      assert.ok(soon.items.every((p: { residenceValidUntil: string }) => p.residenceValidUntil <= limit));
      assert.deepEqual(
        soon.items.map((p: { residenceValidUntil: string }) => p.residenceValidUntil),
        [...soon.items.map((p: { residenceValidUntil: string }) => p.residenceValidUntil)].sort(),
      );
      await cm.post('/api/participants', { ...base, givenNames: 'Mohammed', familyName: 'Al-Khatib', birthDate: '1970-07-07' });
      const beyond = (await cm.get('/api/participants?q=Khatib&page=9')).json();
      assert.deepEqual([beyond.items.length, beyond.total], [0, 1], 'a page past the end still counts the hits');
      const capped = (await cm.get('/api/participants?pageSize=5')).json();
      assert.equal(capped.totalCapped, false, 'an office of 42 people is counted exactly');
      for (const q of ['Muhammad Khatib', 'khatib', 'Mohamad El-Chatib']) {
        const found = (await cm.get(`/api/participants?q=${encodeURIComponent(q)}&sort=relevance`)).json();
        assert.equal(found.items[0]?.familyName, 'Al-Khatib', `search for ${q}`);
      }
    });

    test('export: CSV and XLSX of the filtered list, with umlauts and Arabic intact, audited', async () => {
      await cm.post('/api/participants', { ...base, givenNames: 'Jürgen Ümit', familyName: 'محمد', birthDate: '1981-01-21' });
      const csv = await cm.app.inject({
        method: 'GET',
        url: '/api/participants/export?format=csv&q=Jurgen',
        headers: { cookie: cm.cookie! },
      });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.ok(csv.body.startsWith('\uFEFFFamilienname;Vornamen'));
      assert.ok(csv.body.includes('محمد;Jürgen Ümit'));
      const xlsx = await cm.app.inject({
        method: 'GET',
        url: '/api/participants/export?format=xlsx&status=placed',
        headers: { cookie: cm.cookie!, 'accept-language': 'en' },
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Participants')!;
      assert.equal(sheet.getRow(1).getCell(1).value, 'Family name');
      const placed = (await cm.get('/api/participants?status=placed&pageSize=200')).json();
      assert.equal(sheet.rowCount - 1, placed.total);
      const audit = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'participant.export').execute();
      assert.equal(audit.length, 2);
      assert.equal((audit[1]!.details as { count: number }).count, placed.total);
    });

    test('case managers to choose from: her office only, names only', async () => {
      const managers = (await cm.get('/api/case-managers')).json();
      assert.deepEqual(
        managers.map((m: { displayName: string }) => m.displayName),
        ['Fatma Yılmaz'],
      );
      assert.equal((await (await t.as('bericht@lotse.example')).get('/api/case-managers')).statusCode, 403);
    });

    test('the summary counts the people of her office by status, without names', async () => {
      const summary = (await cm.get('/api/participants/summary')).json();
      const list = (await cm.get('/api/participants?pageSize=1')).json();
      assert.equal(summary.total, list.total);
      const placed = (await cm.get('/api/participants?status=placed&pageSize=1')).json().total;
      assert.equal(summary.byStatus.placed, placed);
      assert.ok(!JSON.stringify(summary).includes('"familyName"'));
      assert.equal((await (await t.as('jobcoach@lotse.example')).get('/api/participants/summary')).statusCode, 403);
    });

    test('no role but the case manager reaches any participant route; other networks get 404', async () => {
      const person = (await cm.get('/api/participants?pageSize=1')).json().items[0];
      const full = (await cm.get(`/api/participants/${person.id}`)).json();
      const calls = [
        ['GET', '/api/participants'],
        ['GET', '/api/participants/export'],
        ['GET', '/api/participants/summary'],
        ['POST', '/api/participants', { ...base, givenNames: 'Neu', familyName: 'Person' }],
        ['GET', `/api/participants/${person.id}`],
        ['PATCH', `/api/participants/${person.id}`, { phone: '1', version: full.version }],
        ['GET', `/api/participants/${person.id}/timeline`],
        ['PATCH', `/api/cases/${full.currentCase.id}`, { status: 'paused', version: full.currentCase.version }],
        ['POST', '/api/participants/duplicate-check', { givenNames: 'A', familyName: 'B' }],
        ['GET', '/api/duplicates'],
        ['GET', `/api/participants/${person.id}/merge-preview?with=${person.id}`],
        ['POST', `/api/participants/${person.id}/merge`, { mergedId: person.id, keptVersion: 1, mergedVersion: 1 }],
        ['POST', '/api/duplicates/dismiss', { ids: [person.id, full.currentCase.id] }],
      ] as const;
      for (const email of [
        'admin@lotse.example',
        'jobcoach@lotse.example',
        'pate@lotse.example',
        'arbeitgeber@lotse.example',
        'bericht@lotse.example',
        'datenschutz@lotse.example',
        'fallmanager.solingen@lotse.example',
      ]) {
        const client = await t.as(email);
        for (const [method, url, body] of calls) {
          const res = await client.request(method, url, body);
          // The Solingen case manager may use the lists (her own people) and create in her office, not touch this person.
          if (
            email.startsWith('fallmanager.solingen') &&
            (url === '/api/participants' ||
              url.startsWith('/api/participants/export') ||
              url.endsWith('/summary') ||
              url === '/api/duplicates' ||
              url.endsWith('duplicate-check'))
          )
            continue;
          assert.ok([403, 404].includes(res.statusCode), `${email} ${method} ${url} → ${res.statusCode}`);
        }
      }
      const other = await createOtherNetwork(t.database.db);
      assert.equal((await cm.get(`/api/participants/${other.participantId}`)).statusCode, 404);
      assert.equal((await cm.get(`/api/participants/${other.participantId}/timeline`)).statusCode, 404);
      const found = (
        await cm.post('/api/participants/duplicate-check', { givenNames: 'Amal', familyName: 'Haddad', birthDate: '1990-04-02' })
      ).json();
      assert.ok(!found.some((c: { id: string }) => c.id === other.participantId), 'the duplicate finder stays inside the network');
    });
  });
}
