import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`participants list [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
    });
    after(() => t.close());

    test('the case manager lists the people of her office, paged and sorted', async () => {
      const all = (await cm.get('/api/participants?pageSize=200')).json();
      assert.equal(all.total, 40);
      assert.ok(all.items.every((p: { officeName: string }) => p.officeName === 'Fallmanagement Wuppertal'));
      const byBirth = (await cm.get('/api/participants?sort=birthDate&order=desc&pageSize=10'))
        .json()
        .items.map((p: { birthDate: string }) => p.birthDate);
      assert.deepEqual(byBirth, [...byBirth].sort().reverse());
      const page2 = (await cm.get('/api/participants?pageSize=15&page=3')).json();
      assert.equal(page2.items.length, 10);
    });

    test('filters by case status and by name', async () => {
      const placed = (await cm.get('/api/participants?status=placed&pageSize=200')).json();
      assert.ok(placed.total > 0);
      assert.ok(placed.items.every((p: { caseStatus: string }) => p.caseStatus === 'placed'));
      const first = placed.items[0];
      const byName = (await cm.get(`/api/participants?q=${encodeURIComponent(first.familyName.toLowerCase())}`)).json();
      assert.ok(byName.items.some((p: { id: string }) => p.id === first.id));
      assert.equal((await cm.get('/api/participants?status=deported')).statusCode, 400);
    });

    test('every list and every record read is audited with the ids shown, not the names', async () => {
      const list = (await cm.get('/api/participants?pageSize=3')).json();
      const person = list.items[0];
      await cm.get(`/api/participants/${person.id}`);
      const events = await t.database.db
        .selectFrom('audit_events')
        .select(['action', 'entity_id', 'details', 'actor_role'])
        .where('action', 'in', ['participant.list', 'participant.read'])
        .orderBy('seq', 'desc')
        .limit(2)
        .execute();
      assert.equal(events[0]!.action, 'participant.read');
      assert.equal(events[0]!.entity_id, person.id);
      assert.equal(events[0]!.actor_role, 'case_manager');
      assert.deepEqual(events[1]!.details, { ids: list.items.map((p: { id: string }) => p.id) });
      assert.ok(!JSON.stringify(events).includes(person.familyName));
    });
  });
}
