import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';

// The demo's apprentice (server/demo/apprenticeships-demo.ts) is what a first look at the
// at-risk list and the bakery's portal shows: high risk from missed school days twice running.

for (const kind of testDatabaseKinds()) {
  describe(`apprenticeship demo [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, { demoCycle: true });
    });
    after(() => t.close());

    test('the demo apprentice is at high risk for the case manager and visible to the bakery without notes', async () => {
      const cm = await t.as('fallmanager@lotse.example');
      const list = (await cm.get('/api/apprenticeships?atRisk=true')).json<{
        items: { id: string; risk: { level: string; reasons: { code: string; signal: string }[] } }[];
      }>();
      assert.equal(list.items.length, 1);
      const [demo] = list.items;
      assert.equal(demo!.risk.level, 'high');
      assert.deepEqual(
        demo!.risk.reasons.map((r) => [r.code, r.signal]),
        [
          ['repeated_signal', 'missed_school_days'],
          ['signal', 'poor_grades'],
        ],
      );
      const bakery = await t.as('arbeitgeber@lotse.example');
      const seen = await bakery.get(`/api/employer/apprentices/${demo!.id}`);
      assert.equal(seen.statusCode, 200, seen.body);
      assert.equal(seen.json<{ checkIns: unknown[]; needs: unknown[] }>().checkIns.length, 2);
      assert.doesNotMatch(seen.body, /Ausländerbehörde|Pate übernimmt/, 'the notes stay with the staff');
    });
  });
}
