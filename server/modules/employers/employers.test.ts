import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertDenied, type Call } from '../../../test/support/access.ts';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createOtherNetwork, demoIds } from '../../../test/support/factories.ts';

const auditOf = (t: TestApp, entityId: string) =>
  t.database.db.selectFrom('audit_events').select(['action', 'details']).where('entity_id', '=', entityId).orderBy('seq').execute();

for (const kind of testDatabaseKinds()) {
  describe(`employers [${kind}]`, () => {
    let t: TestApp;
    let caseManager: ApiClient;
    let coach: ApiClient;
    let bakeryContact: ApiClient;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    before(async () => {
      t = await startTestApp(kind);
      caseManager = await t.as('fallmanager@lotse.example');
      coach = await t.as('jobcoach@lotse.example');
      bakeryContact = await t.as('arbeitgeber@lotse.example');
      ids = await demoIds(t.database.db);
    });
    after(() => t.close());

    test('the case manager adds an employer with its contact persons, finds it by filter, and the change is audited', async () => {
      const wuppertal = (await caseManager.get('/api/cities')).json().find((c: { name: string }) => c.name === 'Wuppertal');
      const res = await caseManager.post('/api/employers', {
        name: 'Pflegedienst Lichtblick GmbH',
        cityId: wuppertal.id,
        sector: 'Pflege',
        size: 'small',
        postcode: '42103',
        email: '',
        notes: 'Sucht dringend Pflegehelfer',
        contactPersons: [{ name: 'Ute Lichtblick', position: 'Inhaberin', email: 'ute@lichtblick.example' }],
      });
      assert.equal(res.statusCode, 201, res.body);
      const created = res.json();
      assert.equal(created.cityName, 'Wuppertal');
      assert.equal(created.email, null);
      assert.equal(created.notes, 'Sucht dringend Pflegehelfer');
      assert.equal(created.contactPersons[0].name, 'Ute Lichtblick');
      assert.equal(created.openVacancies, 0);
      assert.equal(created.version, 1);
      const row = await t.database.db.selectFrom('organisations').select('kind').where('id', '=', created.id).executeTakeFirstOrThrow();
      assert.equal(row.kind, 'employer');

      const list = (await coach.get('/api/employers?q=licht&size=small&sector=pfl')).json();
      assert.deepEqual(
        list.items.map((e: { name: string }) => e.name),
        ['Pflegedienst Lichtblick GmbH'],
      );
      assert.equal((await coach.get('/api/employers?size=large&q=licht')).json().total, 0);
      const audit = await auditOf(t, created.id);
      assert.equal(audit[0]!.action, 'employer.create');
      assert.ok(!JSON.stringify(audit).includes('Pflegehelfer') && !JSON.stringify(audit).includes('Ute'), 'no values in the audit log');
    });

    test('the staff list holds only employers, pages and sorts', async () => {
      const all = (await caseManager.get('/api/employers?pageSize=200')).json();
      assert.ok(all.items.some((e: { name: string }) => e.name === 'Bäckerei Sonnenschein GmbH'));
      assert.ok(!all.items.some((e: { name: string }) => e.name.startsWith('Jobcoaching')), 'a partner is not an employer');
      const page1 = (await caseManager.get('/api/employers?pageSize=1&sort=name&order=desc')).json();
      const page2 = (await caseManager.get('/api/employers?pageSize=1&page=2&sort=name&order=desc')).json();
      const names = all.items.map((e: { name: string }) => e.name).sort();
      assert.deepEqual([page1.items[0].name, page2.items[0].name], [...names].reverse().slice(0, 2));
      assert.equal((await caseManager.get('/api/employers?sort=notes')).statusCode, 400);
      assert.equal((await caseManager.get('/api/employers?size=huge')).statusCode, 400);
      const listed = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'employer.list').execute();
      assert.ok(listed.length >= 3);
    });

    test('bad input gets field messages and stores nothing; a taken name is a 400 on name', async () => {
      const before = (await caseManager.get('/api/employers')).json().total;
      const bad = await caseManager.post('/api/employers', { name: 'x'.repeat(500_000), size: 'gigantic', postcode: '421030' });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(Object.keys(bad.json().fields).sort(), ['name', 'postcode', 'size']);
      const huge = await caseManager.post('/api/employers', { name: 'x'.repeat(5_000_000) });
      assert.equal(huge.statusCode, 413, 'a 5 MB body is refused before it is read, never a 500');
      const persons = await caseManager.post('/api/employers', { name: 'Gültig GmbH', contactPersons: [{ name: '', email: 'nope' }] });
      assert.deepEqual(Object.keys(persons.json().fields).sort(), ['contactPersons.0.email', 'contactPersons.0.name']);
      const taken = await caseManager.post('/api/employers', { name: 'Bäckerei Sonnenschein GmbH' });
      assert.equal(taken.statusCode, 400);
      assert.deepEqual(taken.json().fields.name, ['An organisation with this name exists']);
      // The name is unique among all the network's organisations, a partner's included.
      assert.equal((await caseManager.post('/api/employers', { name: 'Jobcoaching Bergisch Land e.V.' })).statusCode, 400);
      const city = await caseManager.post('/api/employers', { name: 'Gültig GmbH', cityId: '8a5b3c1e-0000-4000-8000-000000000000' });
      assert.deepEqual(city.json().fields.cityId, ['Unknown city']);
      assert.equal((await caseManager.get('/api/employers')).json().total, before);
    });

    test('two staff edit the same employer: the second save is a 409 with the current record', async () => {
      const bakery = (await coach.get(`/api/employers/${ids.org('Bäckerei')}`)).json();
      const first = await coach.patch(`/api/employers/${bakery.id}`, {
        sector: 'Lebensmittelhandwerk',
        contactPersons: [{ name: 'Sabine Sonnenschein', position: 'Geschäftsführerin' }],
        version: bakery.version,
      });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, bakery.version + 1);
      const second = await caseManager.patch(`/api/employers/${bakery.id}`, { sector: 'Überschreiben?', version: bakery.version });
      assert.equal(second.statusCode, 409);
      assert.equal(second.json().current.sector, 'Lebensmittelhandwerk');

      // contactPersons is replaced as a whole, and left alone by a change that does not name it.
      const third = await caseManager.patch(`/api/employers/${bakery.id}`, { postcode: '42275', version: bakery.version + 1 });
      assert.equal(third.statusCode, 200, third.body);
      assert.deepEqual(
        third.json().contactPersons.map((p: { name: string }) => p.name),
        ['Sabine Sonnenschein'],
      );
      const bad = await caseManager.patch(`/api/employers/${bakery.id}`, { postcode: '4227', version: third.json().version });
      assert.equal(bad.statusCode, 400);
      assert.ok(bad.json().fields.postcode);
      const updates = (await auditOf(t, bakery.id)).filter((a) => a.action === 'employer.update');
      assert.deepEqual(
        updates.map((a) => (a.details as { fields: string[] }).fields.sort()),
        [['contactPersons', 'sector'], ['postcode']],
      );
    });

    test('the staff keep a contact log, newest first; the employer contact never sees it', async () => {
      const bakeryId = ids.org('Bäckerei');
      const older = await coach.post(`/api/employers/${bakeryId}/contacts`, {
        kind: 'visit',
        contactedOn: '2026-03-02',
        note: 'Betrieb besichtigt',
      });
      assert.equal(older.statusCode, 201, older.body);
      const newer = await caseManager.post(`/api/employers/${bakeryId}/contacts`, { kind: 'call', contactedOn: '2026-04-10' });
      assert.equal(newer.statusCode, 201, newer.body);
      assert.equal(newer.json().recordedByName, 'Fatma Yılmaz');
      const log = (await coach.get(`/api/employers/${bakeryId}/contacts`)).json();
      assert.deepEqual(
        log.map((c: { kind: string }) => c.kind),
        ['call', 'visit'],
      );
      assert.equal(log[1].recordedByName, 'Jonas Becker');
      const future = await coach.post(`/api/employers/${bakeryId}/contacts`, { kind: 'call', contactedOn: '2999-01-01' });
      assert.deepEqual(Object.keys(future.json().fields), ['contactedOn']);
      assert.equal((await coach.post(`/api/employers/${bakeryId}/contacts`, { kind: 'fax', contactedOn: '2026-01-01' })).statusCode, 400);

      assert.equal((await bakeryContact.get(`/api/employers/${bakeryId}/contacts`)).statusCode, 403);
      assert.equal(
        (await bakeryContact.post(`/api/employers/${bakeryId}/contacts`, { kind: 'call', contactedOn: '2026-04-11' })).statusCode,
        403,
      );
      const audit = await auditOf(t, older.json().id);
      assert.deepEqual(audit[0], { action: 'employer_contact.create', details: { employerId: bakeryId, kind: 'visit' } });
    });

    test("the employer's contact reads only their own company, without the staff's notes, and cannot change it", async () => {
      const bakeryId = ids.org('Bäckerei');
      const logisticsId = ids.org('Wupper Logistik');
      const bakery = (await caseManager.get(`/api/employers/${bakeryId}`)).json();
      await caseManager.patch(`/api/employers/${bakeryId}`, { notes: 'Chefin schwer erreichbar', version: bakery.version });
      await t.database.db
        .insertInto('vacancies')
        .values([
          { network_id: ids.networkId, employer_id: bakeryId, kind: 'job', title: 'Verkäufer/in' },
          { network_id: ids.networkId, employer_id: bakeryId, kind: 'job', title: 'Fahrer/in', status: 'withdrawn' },
        ])
        .execute();

      const list = (await bakeryContact.get('/api/employers')).json();
      assert.deepEqual(
        list.items.map((e: { id: string }) => e.id),
        [bakeryId],
      );
      assert.equal(list.items[0].notes, null);
      assert.equal((await bakeryContact.get(`/api/employers?q=Logistik`)).json().total, 0);
      const own = await bakeryContact.get(`/api/employers/${bakeryId}`);
      assert.equal(own.statusCode, 200);
      assert.equal(own.json().notes, null);
      assert.ok(!own.body.includes('erreichbar'));
      assert.equal(own.json().openVacancies, 1, 'only open vacancies count');
      assert.equal((await caseManager.get(`/api/employers/${bakeryId}`)).json().notes, 'Chefin schwer erreichbar');

      assert.equal((await bakeryContact.get(`/api/employers/${logisticsId}`)).statusCode, 404);
      assert.equal((await bakeryContact.patch(`/api/employers/${bakeryId}`, { notes: 'x', version: 1 })).statusCode, 403);
      assert.equal((await bakeryContact.post('/api/employers', { name: 'Eigene Firma GmbH' })).statusCode, 403);
      const reads = await t.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', bakeryId)
        .where('action', '=', 'employer.read')
        .execute();
      assert.ok(reads.length >= 2);
    });

    test('mentor, analyst, data protection officer and admin are refused every employer route', async () => {
      const id = ids.org('Bäckerei');
      const calls: Call[] = [
        ['GET', '/api/employers'],
        ['POST', '/api/employers', { name: 'Verboten GmbH' }],
        ['GET', `/api/employers/${id}`],
        ['PATCH', `/api/employers/${id}`, { sector: 'x', version: 1 }],
        ['GET', `/api/employers/${id}/contacts`],
        ['POST', `/api/employers/${id}/contacts`, { kind: 'call', contactedOn: '2026-01-01' }],
      ];
      await assertDenied(t, ['pate@lotse.example', 'bericht@lotse.example', 'datenschutz@lotse.example', 'admin@lotse.example'], calls);
      assert.equal((await t.anonymous().get('/api/employers')).statusCode, 401);
    });

    test("another network's employer and a partner organisation's id are not found", async () => {
      const other = await createOtherNetwork(t.database.db);
      const foreign = await t.database.db
        .insertInto('organisations')
        .values({ network_id: other.networkId, kind: 'employer', name: 'Fremde Firma GmbH' })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const id of [foreign.id, ids.org('Jobcoaching')]) {
        assert.equal((await caseManager.get(`/api/employers/${id}`)).statusCode, 404);
        assert.equal((await caseManager.patch(`/api/employers/${id}`, { sector: 'x', version: 1 })).statusCode, 404);
        assert.equal((await caseManager.get(`/api/employers/${id}/contacts`)).statusCode, 404);
        assert.equal(
          (await caseManager.post(`/api/employers/${id}/contacts`, { kind: 'call', contactedOn: '2026-01-01' })).statusCode,
          404,
        );
      }
      assert.equal((await caseManager.get('/api/employers?q=Fremde')).json().total, 0);
      const city = await caseManager.post('/api/employers', { name: 'Mit fremder Stadt GmbH', cityId: other.cityId });
      assert.deepEqual(city.json().fields.cityId, ['Unknown city']);
    });
  });
}
