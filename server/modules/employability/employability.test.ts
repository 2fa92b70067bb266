import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { assertDenied, EVERYONE_BUT_THE_CASE_MANAGER } from '../../../test/support/access.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createParticipant } from '../../../test/support/participants.ts';

for (const kind of testDatabaseKinds()) {
  describe(`employability check [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
    });
    after(() => t.close());

    test('the case manager records a check with restrictions; every read is audited; the timeline says only that a check was recorded', async () => {
      const person = await createParticipant(t, cm);
      assert.equal((await cm.get(`/api/participants/${person.id}/employability-check`)).json(), null);
      const saved = await cm.request('PUT', `/api/participants/${person.id}/employability-check`, {
        needed: true,
        result: 'fit_with_restrictions',
        restrictions: 'Kein schweres Heben über 10 kg',
        checkedOn: '2026-11-10',
        reviewOn: '2027-05-10',
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const read = (await cm.get(`/api/participants/${person.id}/employability-check`)).json();
      assert.equal(read.restrictions, 'Kein schweres Heben über 10 kg');
      const reads = await t.database.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('entity_id', '=', person.id)
        .where('action', 'like', 'employability.%')
        .execute();
      assert.deepEqual(
        reads.map((r) => r.action),
        ['employability.read', 'employability.update', 'employability.read'],
      );
      assert.ok(!JSON.stringify(reads).includes('Heben'), 'the audit never holds the health data');
      const timeline = (await cm.get(`/api/participants/${person.id}/timeline`)).json();
      const event = timeline.find((e: { kind: string }) => e.kind === 'employability.recorded');
      assert.deepEqual(event.data, {});
      // Not in lists or exports.
      const csv = await cm.app.inject({ method: 'GET', url: '/api/participants/export', headers: { cookie: cm.cookie! } });
      assert.ok(!csv.body.includes('Heben'));
      assert.ok(!(await cm.get(`/api/participants/${person.id}`)).body.includes('Heben'));
    });

    test('restrictions must be named; a stale save is a 409', async () => {
      const person = await createParticipant(t, cm);
      const missing = await cm.request('PUT', `/api/participants/${person.id}/employability-check`, {
        needed: true,
        result: 'fit_with_restrictions',
      });
      assert.deepEqual(missing.json().fields.restrictions, ['Name the restrictions']);
      const first = (await cm.request('PUT', `/api/participants/${person.id}/employability-check`, { needed: true, result: 'fit' })).json();
      assert.equal(
        (
          await cm.request('PUT', `/api/participants/${person.id}/employability-check`, {
            needed: true,
            result: 'not_fit_for_now',
            version: first.version,
          })
        ).statusCode,
        200,
      );
      assert.equal(
        (
          await cm.request('PUT', `/api/participants/${person.id}/employability-check`, {
            needed: true,
            result: 'fit',
            version: first.version,
          })
        ).statusCode,
        409,
      );
      assert.equal(
        (await cm.request('PUT', `/api/participants/${person.id}/employability-check`, { needed: false })).statusCode,
        409,
        'a first-save without version cannot overwrite',
      );
    });

    test('nobody outside the office, and no other role, reads it', async () => {
      const person = await createParticipant(t, cm);
      await cm.request('PUT', `/api/participants/${person.id}/employability-check`, { needed: true, result: 'fit' });
      await assertDenied(t, EVERYONE_BUT_THE_CASE_MANAGER, [
        ['GET', `/api/participants/${person.id}/employability-check`],
        ['PUT', `/api/participants/${person.id}/employability-check`, { needed: false }],
      ]);
    });

    test('a review date becomes a deadline', async () => {
      const person = await createParticipant(t, cm);
      const soon = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
      await cm.request('PUT', `/api/participants/${person.id}/employability-check`, {
        needed: true,
        result: 'not_fit_for_now',
        reviewOn: soon,
      });
      const deadlines = (await cm.get(`/api/participants/${person.id}/deadlines`)).json();
      assert.deepEqual(
        deadlines.map((d: { kind: string; date: string }) => [d.kind, d.date]),
        [['employability_review', soon]],
      );
    });
  });
}
