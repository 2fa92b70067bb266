import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '../../dates.ts';
import { apprenticeshipSetup, type Agreement } from '../../../test/support/apprenticeships.ts';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { today } from '../../../test/support/cycle.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';

// Wegbereiter through the API: Fatma (case manager) places Amal into an apprenticeship at
// the bakery, agrees the support with the company, records check-ins whose signals raise the
// risk, keeps the agreement current (a stale save is refused) and ends it.

for (const kind of testDatabaseKinds()) {
  describe(`apprenticeship support [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    let s: Awaited<ReturnType<typeof apprenticeshipSetup>>;
    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
      s = await apprenticeshipSetup(t, cm);
    });
    after(() => t.close());

    test('an agreement is only for a placement into an apprenticeship, once', async () => {
      const job = await s.placed({ kind: 'employment' });
      const refused = await cm.post('/api/apprenticeships', s.agreementBody(job.placementId));
      assert.equal(refused.statusCode, 400, refused.body);
      assert.ok(refused.json<{ fields: Record<string, string[]> }>().fields.placementId);

      const helpers = (await cm.get(`/api/apprenticeship-helpers?employerId=${s.ids.org('Bäckerei')}`)).json<
        Record<string, { displayName: string }[]>
      >();
      assert.deepEqual(
        helpers.companyContacts!.map((p) => p.displayName),
        ['Sabine Sonnenschein'],
      );
      assert.ok(helpers.mentors!.some((p) => p.displayName === 'Peter Hoffmann'));
      const { placementId, agreement } = await s.agreed();
      assert.equal(agreement.status, 'active');
      assert.equal(agreement.risk.level, 'low');
      assert.deepEqual(
        agreement.needs.map((n) => [n.area, n.helperKind, n.helperName]),
        [
          ['vocational_school', 'mentor', 'Peter Hoffmann'],
          ['authorities', 'staff', 'Fatma Yılmaz'],
          ['german_for_work', 'company', null],
        ],
      );
      assert.equal((await cm.post('/api/apprenticeships', s.agreementBody(placementId))).statusCode, 409, 'one agreement per placement');
    });

    test('bad input is a 400 per field, never a 500', async () => {
      const { placementId } = await s.placed();
      const bad = await cm.post('/api/apprenticeships', {
        ...s.agreementBody(placementId),
        plannedEndOn: '2020-01-01',
        vocationalSchool: '',
        needs: [{ area: 'astrology', helperKind: 'staff' }],
      });
      assert.equal(bad.statusCode, 400);
      const fields = Object.keys(bad.json<{ fields: Record<string, string[]> }>().fields);
      for (const f of ['vocationalSchool', 'needs.0.area']) assert.ok(fields.includes(f), `${f} in ${fields.join(', ')}`);
      // A helper who is not a mentor, and a contact who is not the company's.
      const wrong = await cm.post(
        '/api/apprenticeships',
        s.agreementBody(placementId, {
          companyContactUserId: s.ids.user('jobcoach@lotse.example'),
          needs: [{ area: 'housing', helperKind: 'mentor', helperUserId: s.ids.user('bericht@lotse.example') }],
        }),
      );
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(Object.keys(wrong.json<{ fields: object }>().fields).sort(), ['companyContactUserId', 'needs.0.helperUserId']);
      const future = await cm.post(`/api/apprenticeships/${(await s.agreed()).agreement.id}/check-ins`, {
        heldOn: addDays(today(), 3),
        heldWith: 'nobody',
        signals: ['bad_luck'],
      });
      assert.equal(future.statusCode, 400);
      assert.deepEqual(Object.keys(future.json<{ fields: object }>().fields).sort(), ['heldOn', 'heldWith', 'signals.0']);
    });

    test('the risk follows the signals of the check-ins and the residence document', async () => {
      const { agreement } = await s.agreed();
      const one = await s.checkIn(agreement.id, ['poor_grades']);
      assert.equal(one.risk.level, 'medium');
      assert.equal(one.nextCheckInOn, addDays(today(), 21));
      const again = await s.checkIn(agreement.id, ['poor_grades', 'money_trouble']);
      assert.equal(again.risk.level, 'high');
      assert.deepEqual(
        again.risk.reasons.map((r) => [r.code, r.signal]),
        [
          ['repeated_signal', 'poor_grades'],
          ['signal', 'money_trouble'],
        ],
      );
      const calm = await s.checkIn(agreement.id, []);
      assert.equal(calm.risk.level, 'low');

      // The current residence document expiring within 90 days is a signal of its own.
      const expiring = await s.agreed({ validUntil: addDays(today(), 60) });
      assert.equal(expiring.agreement.risk.level, 'medium');
      assert.deepEqual(expiring.agreement.risk.reasons[0], { code: 'residence_expiring', signal: null, date: addDays(today(), 60) });

      // The at-risk list: filtered, sorted most urgent first, paged, and as CSV.
      const list = await cm.get('/api/apprenticeships?atRisk=true&pageSize=200');
      assert.equal(list.statusCode, 200, list.body);
      const items = list.json<{ items: { id: string; risk: { level: string } }[]; total: number }>().items;
      assert.ok(items.some((i) => i.id === expiring.agreement.id));
      assert.ok(!items.some((i) => i.id === agreement.id), 'low risk is not at risk');
      assert.ok(items.every((i) => i.risk.level !== 'low'));
      const levels = items.map((i) => i.risk.level);
      assert.deepEqual(
        levels,
        [...levels].sort((a, b) => (a === b ? 0 : a === 'high' ? -1 : 1)),
        'high before medium',
      );
      const medium = await cm.get('/api/apprenticeships?risk=medium&pageSize=1');
      const page = medium.json<{ items: unknown[]; total: number; pageSize: number }>();
      assert.equal(page.items.length, 1);
      assert.ok(page.total >= 1);
      const csv = await cm.get('/api/apprenticeships/export?atRisk=true&locale=en');
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.match(csv.body, /Apprentice,Company,Occupation/);
      assert.match(csv.body, /residence_expiring/);
      assert.equal((await cm.get('/api/apprenticeships?risk=extreme')).statusCode, 400);
    });

    test('a stale save is a 409; an ended agreement takes no more check-ins', async () => {
      const { agreement } = await s.agreed();
      const saved = await cm.patch(`/api/apprenticeships/${agreement.id}`, { vocationalSchool: 'BK Barmen', version: agreement.version });
      assert.equal(saved.statusCode, 200, saved.body);
      const stale = await cm.patch(`/api/apprenticeships/${agreement.id}`, {
        vocationalSchool: 'BK Vohwinkel',
        version: agreement.version,
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json<{ current: { vocationalSchool: string } }>().current.vocationalSchool, 'BK Barmen');
      const staleNeeds = await cm.put(`/api/apprenticeships/${agreement.id}/needs`, { needs: [], version: agreement.version });
      assert.equal(staleNeeds.statusCode, 409);
      const current = saved.json<Agreement>();
      const needs = await cm.put(`/api/apprenticeships/${agreement.id}/needs`, {
        needs: [{ area: 'exam_preparation', helperKind: 'company' }],
        version: current.version,
      });
      assert.equal(needs.statusCode, 200, needs.body);
      assert.deepEqual(
        needs.json<Agreement>().needs.map((n) => n.area),
        ['exam_preparation'],
      );
      const noReason = await cm.post(`/api/apprenticeships/${agreement.id}/end`, {
        status: 'dropped_out',
        endedOn: today(),
        version: needs.json<Agreement>().version,
      });
      assert.equal(noReason.statusCode, 400);
      const ended = await cm.post(`/api/apprenticeships/${agreement.id}/end`, {
        status: 'dropped_out',
        endedOn: today(),
        reason: 'training_terminated',
        version: needs.json<Agreement>().version,
      });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.equal(ended.json<Agreement>().status, 'dropped_out');
      const late = await cm.post(`/api/apprenticeships/${agreement.id}/check-ins`, { heldOn: today(), heldWith: 'apprentice' });
      assert.equal(late.statusCode, 400);
    });
  });
}
