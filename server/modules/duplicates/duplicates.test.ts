import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createOtherNetwork, demoIds, OTHER_PASSWORD } from '../../../test/support/factories.ts';

// [recorded, probe, must the probe find the recorded person?]
type Person = { givenNames: string; familyName: string; birthDate: string | null };
const PAIRS: [Person, Person, boolean][] = [
  [
    { givenNames: 'Mohammed', familyName: 'Al-Hassan', birthDate: '1990-03-15' },
    { givenNames: 'Muhammad', familyName: 'Hassan', birthDate: '1990-03-15' },
    true,
  ],
  [
    { givenNames: 'Mohamad', familyName: 'Haddad', birthDate: '1988-07-02' },
    { givenNames: 'Haddad', familyName: 'Mohamed', birthDate: '1988-07-02' },
    true,
  ],
  [
    { givenNames: 'Chalid', familyName: 'El-Schami', birthDate: '1979-11-30' },
    { givenNames: 'Khalid', familyName: 'Shami', birthDate: '1979-11-30' },
    true,
  ],
  [
    { givenNames: 'Youssef', familyName: 'Abu Bakr', birthDate: '2001-05-09' },
    { givenNames: 'Yusuf', familyName: 'Bakr', birthDate: '2001-09-05' },
    true,
  ],
  [
    { givenNames: 'Fatemeh', familyName: 'Rahimi', birthDate: '1995-01-01' },
    { givenNames: 'Fatima', familyName: 'Rahimi', birthDate: '1995-08-23' },
    true,
  ],
  [
    { givenNames: 'Dschamal', familyName: 'Nour', birthDate: null },
    { givenNames: 'Jamal', familyName: 'Noor', birthDate: '1993-04-12' },
    true,
  ],
  [
    { givenNames: 'Hussein', familyName: 'Abdallah', birthDate: '1985-02-17' },
    { givenNames: 'Husein', familyName: 'Abdullah', birthDate: '1985-02-17' },
    true,
  ],
  [
    { givenNames: 'Mohammed', familyName: 'Hassan', birthDate: '1991-06-20' },
    { givenNames: 'Mahmoud', familyName: 'Hassan', birthDate: '1991-06-20' },
    false,
  ],
  [
    { givenNames: 'Amal', familyName: 'Haddad', birthDate: '1999-10-10' },
    { givenNames: 'Amir', familyName: 'Haddad', birthDate: '1999-10-10' },
    false,
  ],
  [
    { givenNames: 'Fatima', familyName: 'Karimi', birthDate: '1987-03-03' },
    { givenNames: 'Fatima', familyName: 'Rahimi', birthDate: '1987-03-03' },
    false,
  ],
  [
    { givenNames: 'Omar', familyName: 'Saleh', birthDate: '1992-04-14' },
    { givenNames: 'Omar', familyName: 'Saleh', birthDate: '1994-04-14' },
    false,
  ],
  [
    { givenNames: 'Olena', familyName: 'Shevchenko', birthDate: '1980-12-24' },
    { givenNames: 'Olena', familyName: 'Shevchenko', birthDate: '1980-12-25' },
    false,
  ],
];

for (const kind of testDatabaseKinds()) {
  describe(`duplicates [${kind}]`, () => {
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

    const create = (client: ApiClient, person: Person, extra: Record<string, unknown> = {}) =>
      client.post('/api/participants', { ...base, ...person, gender: 'not_stated', ...extra });

    for (const [recorded, probe, match] of PAIRS) {
      test(`${probe.givenNames} ${probe.familyName} (${probe.birthDate ?? 'no date'}) ${match ? 'finds' : 'does not find'} ${recorded.givenNames} ${recorded.familyName} (${recorded.birthDate ?? 'no date'})`, async () => {
        const created = await create(cm, recorded, { acknowledgedDuplicates: [] });
        // The demo may hold a namesake: acknowledge whatever it reports, so only the pair is tested.
        const id =
          created.statusCode === 201
            ? created.json().id
            : (
                await create(cm, recorded, { acknowledgedDuplicates: created.json().current.duplicates.map((d: { id: string }) => d.id) })
              ).json().id;
        const found = (await cm.post('/api/participants/duplicate-check', probe)).json();
        assert.equal(
          found.some((c: { id: string }) => c.id === id),
          match,
          JSON.stringify(found),
        );
      });
    }

    test('creating a likely duplicate is a 409 that lists it; acknowledged, it is created', async () => {
      const person = { givenNames: 'Semira', familyName: 'Tesfay', birthDate: '1997-02-11' };
      assert.equal((await create(cm, person)).statusCode, 201);
      const again = await create(cm, { givenNames: 'Semira', familyName: 'Tesfaye', birthDate: '1997-02-11' });
      assert.equal(again.statusCode, 409);
      const [candidate] = again.json().current.duplicates;
      assert.equal(candidate.familyName, 'Tesfay');
      assert.equal(candidate.birthDateMatch, 'same');
      const acknowledged = await create(
        cm,
        { givenNames: 'Semira', familyName: 'Tesfaye', birthDate: '1997-02-11' },
        { acknowledgedDuplicates: [candidate.id] },
      );
      assert.equal(acknowledged.statusCode, 201);
      const timeline = (await cm.get(`/api/participants/${acknowledged.json().id}/timeline`)).json();
      assert.deepEqual(timeline[0].data.acknowledgedDuplicates, [candidate.id]);
    });

    test('a duplicate in another office shows only that office, nothing about the person', async () => {
      const solingen = await t.as('fallmanager.solingen@lotse.example');
      const city = await t.database.db.selectFrom('cities').select('id').where('name', '=', 'Solingen').executeTakeFirstOrThrow();
      const res = await solingen.post('/api/participants', {
        officeId: ids.org('Fallmanagement Solingen'),
        cityId: city.id,
        givenNames: 'Huda',
        familyName: 'Darwish',
        birthDate: '1983-09-09',
      });
      assert.equal(res.statusCode, 201);
      const found = (
        await cm.post('/api/participants/duplicate-check', { givenNames: 'Houda', familyName: 'Darwisch', birthDate: '1983-09-09' })
      ).json();
      const hidden = found.find((c: { id: string }) => c.id === res.json().id);
      assert.deepEqual(
        { ...hidden, id: undefined, similarity: undefined },
        {
          id: undefined,
          similarity: undefined,
          visible: false,
          officeName: 'Fallmanagement Solingen',
          givenNames: null,
          familyName: null,
          birthDate: null,
          birthDateMatch: 'same',
        },
      );
    });

    test('the review list shows pairs; a dismissed pair leaves it', async () => {
      const a = (await create(cm, { givenNames: 'Bilal', familyName: 'Osman', birthDate: '1990-01-12' })).json();
      const b = (
        await create(cm, { givenNames: 'Osman', familyName: 'Bilal', birthDate: '1990-12-01' }, { acknowledgedDuplicates: [a.id] })
      ).json();
      const pairs = (await cm.get('/api/duplicates')).json();
      assert.ok(pairs.some((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].sort().join() === [a.id, b.id].sort().join()));
      assert.equal((await cm.post('/api/duplicates/dismiss', { ids: [a.id, b.id] })).statusCode, 200);
      const after = (await cm.get('/api/duplicates')).json();
      assert.ok(
        !after.some((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(a.id) && [p.a.id, p.b.id].includes(b.id)),
      );
    });

    test('merge: preview, merge moving the case, and an admin undoes it', async () => {
      const kept = (
        await create(cm, { givenNames: 'Karim', familyName: 'Mansour', birthDate: '1975-05-05' }, { phone: '0202 123456' })
      ).json();
      const merged = (
        await create(
          cm,
          { givenNames: 'Kareem', familyName: 'Mansur', birthDate: '1975-05-05' },
          { acknowledgedDuplicates: [kept.id], email: 'karim@example.org' },
        )
      ).json();
      const admin = await t.as('admin@lotse.example');
      const reportTotal = async () => (await admin.get('/api/reports/overview')).json().total as number;
      const peopleBefore = await reportTotal();
      const preview = (await cm.get(`/api/participants/${kept.id}/merge-preview?with=${merged.id}`)).json();
      assert.equal(preview.moves.cases, 1);
      const previewReads = await t.database.db
        .selectFrom('audit_events')
        .select('entity_id')
        .where('action', '=', 'participant.read')
        .where('details', '@>', JSON.stringify({ view: 'merge_preview' }) as never)
        .execute();
      assert.deepEqual(previewReads.map((r) => r.entity_id).sort(), [kept.id, merged.id].sort(), 'the preview is a read of both records');
      assert.ok(preview.fields.find((f: { field: string }) => f.field === 'email').differs);

      const stale = await cm.post(`/api/participants/${kept.id}/merge`, {
        mergedId: merged.id,
        takeFromMerged: ['email'],
        keptVersion: preview.keptVersion + 1,
        mergedVersion: preview.mergedVersion,
      });
      assert.equal(stale.statusCode, 409);
      const res = await cm.post(`/api/participants/${kept.id}/merge`, {
        mergedId: merged.id,
        takeFromMerged: ['email'],
        keptVersion: preview.keptVersion,
        mergedVersion: preview.mergedVersion,
      });
      assert.equal(res.statusCode, 200, res.body);
      const after = (await cm.get(`/api/participants/${kept.id}`)).json();
      assert.equal(after.email, 'karim@example.org');
      assert.equal(after.phone, '0202 123456');
      assert.equal((await cm.get(`/api/participants/${merged.id}`)).statusCode, 404, 'the merged record is gone from view');
      const cases = await t.database.db.selectFrom('cases').select('id').where('participant_id', '=', kept.id).execute();
      assert.equal(cases.length, 2);
      assert.equal(await reportTotal(), peopleBefore - 1, 'a merged-away record is not a person of its own in the figures');

      assert.equal((await cm.post(`/api/merges/${res.json().id}/undo`)).statusCode, 403, 'only an admin undoes a merge');
      const undone = await admin.post(`/api/merges/${res.json().id}/undo`);
      assert.equal(undone.statusCode, 200);
      assert.equal((await cm.get(`/api/participants/${kept.id}`)).json().email, null);
      assert.equal((await cm.get(`/api/participants/${merged.id}`)).json().email, 'karim@example.org');
      assert.equal(await reportTotal(), peopleBefore);
      assert.equal((await admin.post(`/api/merges/${res.json().id}/undo`)).statusCode, 409);
      const actions = (await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', kept.id).execute()).map(
        (e) => e.action,
      );
      assert.ok(actions.includes('participant.merge') && actions.includes('participant.merge_undo'));
    });

    /** Two records of one person, merged by the case manager: the merge's id. */
    async function mergeTwo(kept: Person, merged: Person): Promise<{ mergeId: string; keptId: string; mergedId: string }> {
      const a = (await create(cm, kept)).json();
      const b = (await create(cm, merged, { acknowledgedDuplicates: [a.id] })).json();
      const preview = (await cm.get(`/api/participants/${a.id}/merge-preview?with=${b.id}`)).json();
      const res = await cm.post(`/api/participants/${a.id}/merge`, {
        mergedId: b.id,
        keptVersion: preview.keptVersion,
        mergedVersion: preview.mergedVersion,
      });
      assert.equal(res.statusCode, 200, res.body);
      return { mergeId: res.json().id, keptId: a.id, mergedId: b.id };
    }

    test('the admin lists merges with both names and who merged, and undoes one from the list', async () => {
      const { mergeId, keptId, mergedId } = await mergeTwo(
        { givenNames: 'Tesfalem', familyName: 'Ghebre', birthDate: '1986-08-08' },
        { givenNames: 'Tesfalem', familyName: 'Gebre', birthDate: '1986-08-08' },
      );
      const admin = await t.as('admin@lotse.example');
      const list = await admin.get('/api/merges?q=Tesfalem');
      assert.equal(list.statusCode, 200, list.body);
      assert.equal(list.json().total, 1);
      const [item] = list.json().items;
      assert.deepEqual(
        { ...item, mergedAt: undefined },
        {
          id: mergeId,
          keptId,
          mergedId,
          keptGivenNames: 'Tesfalem',
          keptFamilyName: 'Ghebre',
          mergedGivenNames: 'Tesfalem',
          mergedFamilyName: 'Gebre',
          mergedAt: undefined,
          mergedByName: 'Fatma Yılmaz',
          undoneAt: null,
        },
      );
      const reads = await t.database.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'participant.list')
        .where('details', '@>', JSON.stringify({ view: 'merges' }) as never)
        .execute();
      assert.deepEqual(
        (reads.at(-1)!.details as { ids: string[] }).ids.sort(),
        [keptId, mergedId].sort(),
        'the list is a read of both people',
      );

      assert.equal((await admin.post(`/api/merges/${item.id}/undo`)).statusCode, 200);
      const after = (await admin.get('/api/merges?q=Tesfalem')).json().items[0];
      assert.ok(after.undoneAt, 'an undone merge stays in the list, marked undone');
      assert.equal((await cm.get(`/api/participants/${mergedId}`)).statusCode, 200, 'the merged record is back');
    });

    test('the list of merges is for network admins: case manager, partner caseworker, analyst and data protection officer get 403', async () => {
      for (const email of ['fallmanager@lotse.example', 'jobcoach@lotse.example', 'bericht@lotse.example', 'datenschutz@lotse.example']) {
        const res = await (await t.as(email)).get('/api/merges');
        assert.equal(res.statusCode, 403, `${email} must not list merges`);
      }
    });

    test("another network's merges never show, and its admin sees only its own", async () => {
      const { mergeId } = await mergeTwo(
        { givenNames: 'Abdirahman', familyName: 'Warsame', birthDate: '1991-02-03' },
        { givenNames: 'Abdirahman', familyName: 'Warsameh', birthDate: '1991-02-03' },
      );
      const other = await createOtherNetwork(t.database.db, `merges-${kind}`);
      const twin = await t.database.db
        .insertInto('participants')
        .values({ network_id: other.networkId, office_id: other.officeId, given_names: 'Amal', family_name: 'Hadad', gender: 'female' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const foreign = await t.database.db
        .insertInto('participant_merges')
        .values({
          network_id: other.networkId,
          kept_id: other.participantId,
          merged_id: twin.id,
          snapshot: JSON.stringify({ before: {}, moved: {} }),
          merged_by: other.caseManagerId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();

      const admin = await t.as('admin@lotse.example');
      const ours = (await admin.get('/api/merges?pageSize=200')).json();
      const ourIds = ours.items.map((m: { id: string }) => m.id);
      assert.ok(ourIds.includes(mergeId));
      assert.ok(!ourIds.includes(foreign.id), "another network's merge is not listed");
      assert.equal((await admin.get('/api/merges?q=Hadad')).json().total, 0);
      assert.equal((await admin.post(`/api/merges/${foreign.id}/undo`)).statusCode, 404, "another network's merge is not found");

      const otherAdmin = await t.as(other.adminEmail, OTHER_PASSWORD);
      const theirs = (await otherAdmin.get('/api/merges')).json();
      assert.deepEqual(
        theirs.items.map((m: { id: string }) => m.id),
        [foreign.id],
      );
      assert.equal(theirs.items[0].keptFamilyName, 'Haddad');
    });
  });
}
