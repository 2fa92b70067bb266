import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createOtherNetwork, OTHER_PASSWORD } from '../../../test/support/factories.ts';
import type { LeavingSituationResponse, LeavingSituationView } from './leaving.schemas.ts';

// The situation on leaving: the Wuppertal case manager records what a person did in the four
// weeks after leaving; nobody else may read or change it.

for (const kind of testDatabaseKinds()) {
  describe(`situation on leaving (${kind})`, () => {
    let t: TestApp;
    let leftCase: string;
    let openCase: string;
    let otherNetworkCase: string;
    before(async () => {
      t = await startTestApp(kind, { demo: true });
      const db = t.database.db;
      // Two cases of the Wuppertal case manager: one left, one still open.
      const cases = await db
        .selectFrom('cases')
        .innerJoin('users', 'users.id', 'cases.case_manager_id')
        .select(['cases.id'])
        .where('users.email', '=', 'fallmanager@lotse.example')
        .where('cases.exit_date', 'is', null)
        .orderBy('cases.id')
        .limit(2)
        .execute();
      [leftCase, openCase] = [cases[0]!.id, cases[1]!.id];
      await db
        .updateTable('cases')
        .set({ status: 'closed', entry_date: '2025-01-01', exit_date: '2025-06-30', exit_reason: 'other' })
        .where('id', '=', leftCase)
        .execute();
      const other = await createOtherNetwork(db, 'leaving-other');
      const kase = await db.selectFrom('cases').select('id').where('participant_id', '=', other.participantId).executeTakeFirstOrThrow();
      await db
        .updateTable('cases')
        .set({ status: 'closed', exit_date: '2025-06-30', exit_reason: 'other' })
        .where('id', '=', kase.id)
        .execute();
      otherNetworkCase = kase.id;
    });
    after(() => t.close());

    test('the case manager records it, reads it back, and a stale save is refused', async () => {
      const fm = await t.as('fallmanager@lotse.example');
      const url = `/api/cases/${leftCase}/leaving-situation`;
      assert.deepEqual((await fm.get(url)).json<LeavingSituationResponse>(), { situation: null });
      const created = await fm.put(url, { jobSearching: true, inEducationOrTraining: false, qualificationGained: true });
      assert.equal(created.statusCode, 200, created.body);
      const view = created.json<LeavingSituationView>();
      assert.equal(view.version, 1);
      assert.deepEqual([view.jobSearching, view.inEducationOrTraining, view.qualificationGained], [true, false, true]);
      const read = (await fm.get(url)).json<LeavingSituationResponse>();
      assert.deepEqual(read.situation, view);
      // A second "first record" (no version) and a save with an old version are both stale.
      assert.equal((await fm.put(url, { jobSearching: false, inEducationOrTraining: false, qualificationGained: false })).statusCode, 409);
      const updated = await fm.put(url, { jobSearching: false, inEducationOrTraining: true, qualificationGained: true, version: 1 });
      assert.equal(updated.statusCode, 200, updated.body);
      assert.equal(updated.json<LeavingSituationView>().version, 2);
      assert.equal(
        (await fm.put(url, { jobSearching: true, inEducationOrTraining: true, qualificationGained: true, version: 1 })).statusCode,
        409,
      );
      const events = await t.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', leftCase)
        .where('action', 'like', 'leaving_situation.%')
        .execute();
      assert.deepEqual(events.map((e) => e.action).sort(), [
        'leaving_situation.create',
        'leaving_situation.read',
        'leaving_situation.read',
        'leaving_situation.update',
      ]);
    });

    test('a case that was not left, and bad input, are refused with 400 per field', async () => {
      const fm = await t.as('fallmanager@lotse.example');
      const open = await fm.put(`/api/cases/${openCase}/leaving-situation`, {
        jobSearching: true,
        inEducationOrTraining: false,
        qualificationGained: false,
      });
      assert.equal(open.statusCode, 400, open.body);
      const bad = await fm.put(`/api/cases/${leftCase}/leaving-situation`, { jobSearching: 'yes', version: 0 });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /jobSearching/);
      assert.match(bad.body, /inEducationOrTraining/);
    });

    test('other roles get 403 or 404; another network does not see the case', async () => {
      const url = `/api/cases/${leftCase}/leaving-situation`;
      const body = { jobSearching: true, inEducationOrTraining: true, qualificationGained: true, version: 2 };
      for (const email of [
        'fallmanager.solingen@lotse.example',
        'admin@lotse.example',
        'jobcoach@lotse.example',
        'qualifizierung@lotse.example',
        'arbeitgeber@lotse.example',
        'pate@lotse.example',
        'datenschutz@lotse.example',
        'bericht@lotse.example',
      ]) {
        const client = await t.as(email);
        assert.ok([403, 404].includes((await client.get(url)).statusCode), `${email} reads`);
        assert.ok([403, 404].includes((await client.put(url, body)).statusCode), `${email} writes`);
      }
      const stranger = await t.as('fm@leaving-other.example', OTHER_PASSWORD);
      assert.equal((await stranger.get(url)).statusCode, 404);
      assert.equal((await stranger.put(url, body)).statusCode, 404);
      // …and the demo case manager cannot reach the other network's case.
      const fm = await t.as('fallmanager@lotse.example');
      assert.equal((await fm.get(`/api/cases/${otherNetworkCase}/leaving-situation`)).statusCode, 404);
      assert.equal((await t.anonymous().get(url)).statusCode, 401);
      // Nothing changed.
      const read = (await fm.get(url)).json<LeavingSituationResponse>();
      assert.equal(read.situation?.version, 2);
    });
  });
}
