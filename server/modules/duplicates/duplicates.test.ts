import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { demoIds } from '../../../test/support/factories.ts';

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
  });
}
