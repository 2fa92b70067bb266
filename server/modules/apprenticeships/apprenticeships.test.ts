import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, addMonths } from '../../dates.ts';
import { DEMO_PASSWORD } from '../../demo/demo-data.ts';
import { hashPassword } from '../auth/passwords.ts';
import { assertDenied, EVERYONE_BUT_THE_CASE_MANAGER } from '../../../test/support/access.ts';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { giveConsent, today } from '../../../test/support/cycle.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { demoIds } from '../../../test/support/factories.ts';
import { createParticipant } from '../../../test/support/participants.ts';

// Wegbereiter through the API: Fatma (case manager) places Amal into an apprenticeship at
// the bakery, agrees the support with the company, records check-ins whose signals raise the
// risk, and the bakery sees its apprentice only while Amal's consent covers plan and progress.

interface Agreement {
  id: string;
  version: number;
  status: string;
  nextCheckInOn: string | null;
  risk: { level: string; reasons: { code: string; signal: string | null; date: string | null }[] };
  needs: { area: string; helperKind: string; helperName: string | null }[];
  checkIns: { signals: string[]; notes?: string | null }[];
}

for (const kind of testDatabaseKinds()) {
  describe(`apprenticeship support [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    let bakery: ApiClient;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
      bakery = await t.as('arbeitgeber@lotse.example');
      ids = await demoIds(t.database.db);
    });
    after(() => t.close());

    /** A person of the Wuppertal office placed at the bakery (apprenticeship unless said), with consent categories to the bakery. */
    async function placed(opts: { kind?: string; categories?: string[]; validUntil?: string } = {}) {
      const person = await createParticipant(t, cm);
      if (opts.categories) await giveConsent(cm, person.id, ids.org('Bäckerei'), opts.categories);
      if (opts.validUntil) {
        const doc = await cm.post(`/api/participants/${person.id}/residence-statuses`, {
          title: 'ausbildungsduldung',
          validFrom: '2025-01-01',
          validUntil: opts.validUntil,
          workClause: 'permitted',
        });
        assert.equal(doc.statusCode, 201, doc.body);
      }
      const res = await cm.post(`/api/participants/${person.id}/placements`, {
        kind: opts.kind ?? 'apprenticeship',
        firstLabourMarket: true,
        employerId: ids.org('Bäckerei'),
        startsOn: today(),
        occupation: 'Bäcker/in',
      });
      assert.equal(res.statusCode, 201, res.body);
      return { person, placementId: res.json<{ id: string }>().id };
    }

    const agreementBody = (placementId: string, extra: Record<string, unknown> = {}) => ({
      placementId,
      companyContactUserId: ids.user('arbeitgeber@lotse.example'),
      vocationalSchool: 'Berufskolleg Elberfeld',
      occupation: 'Bäcker/in',
      startsOn: today(),
      plannedEndOn: addMonths(today(), 36),
      needs: [
        { area: 'vocational_school', helperKind: 'mentor', helperUserId: ids.user('pate@lotse.example') },
        { area: 'authorities', helperKind: 'staff', helperUserId: ids.user('fallmanager@lotse.example') },
        { area: 'german_for_work', helperKind: 'company' },
      ],
      ...extra,
    });

    async function agreed(opts: Parameters<typeof placed>[0] = {}) {
      const p = await placed(opts);
      const res = await cm.post('/api/apprenticeships', agreementBody(p.placementId));
      assert.equal(res.statusCode, 201, res.body);
      return { ...p, agreement: res.json<Agreement>() };
    }

    const checkIn = async (id: string, signals: string[], heldOn = today()) => {
      const res = await cm.post(`/api/apprenticeships/${id}/check-ins`, {
        heldOn,
        heldWith: 'both',
        notes: 'Mietschulden, Gespräch mit dem Jobcenter',
        signals,
        nextCheckInOn: addDays(today(), 21),
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<Agreement>();
    };

    test('an agreement is only for a placement into an apprenticeship, once', async () => {
      const job = await placed({ kind: 'employment' });
      const refused = await cm.post('/api/apprenticeships', agreementBody(job.placementId));
      assert.equal(refused.statusCode, 400, refused.body);
      assert.ok(refused.json<{ fields: Record<string, string[]> }>().fields.placementId);

      const helpers = (await cm.get(`/api/apprenticeship-helpers?employerId=${ids.org('Bäckerei')}`)).json<
        Record<string, { displayName: string }[]>
      >();
      assert.deepEqual(
        helpers.companyContacts!.map((p) => p.displayName),
        ['Sabine Sonnenschein'],
      );
      assert.ok(helpers.mentors!.some((p) => p.displayName === 'Peter Hoffmann'));
      const { placementId, agreement } = await agreed();
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
      assert.equal((await cm.post('/api/apprenticeships', agreementBody(placementId))).statusCode, 409, 'one agreement per placement');
    });

    test('bad input is a 400 per field, never a 500', async () => {
      const { placementId } = await placed();
      const bad = await cm.post('/api/apprenticeships', {
        ...agreementBody(placementId),
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
        agreementBody(placementId, {
          companyContactUserId: ids.user('jobcoach@lotse.example'),
          needs: [{ area: 'housing', helperKind: 'mentor', helperUserId: ids.user('bericht@lotse.example') }],
        }),
      );
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(Object.keys(wrong.json<{ fields: object }>().fields).sort(), ['companyContactUserId', 'needs.0.helperUserId']);
      const future = await cm.post(`/api/apprenticeships/${(await agreed()).agreement.id}/check-ins`, {
        heldOn: addDays(today(), 3),
        heldWith: 'nobody',
        signals: ['bad_luck'],
      });
      assert.equal(future.statusCode, 400);
      assert.deepEqual(Object.keys(future.json<{ fields: object }>().fields).sort(), ['heldOn', 'heldWith', 'signals.0']);
    });

    test('the risk follows the signals of the check-ins and the residence document', async () => {
      const { agreement } = await agreed();
      const one = await checkIn(agreement.id, ['poor_grades']);
      assert.equal(one.risk.level, 'medium');
      assert.equal(one.nextCheckInOn, addDays(today(), 21));
      const again = await checkIn(agreement.id, ['poor_grades', 'money_trouble']);
      assert.equal(again.risk.level, 'high');
      assert.deepEqual(
        again.risk.reasons.map((r) => [r.code, r.signal]),
        [
          ['repeated_signal', 'poor_grades'],
          ['signal', 'money_trouble'],
        ],
      );
      const calm = await checkIn(agreement.id, []);
      assert.equal(calm.risk.level, 'low');

      // The current residence document expiring within 90 days is a signal of its own.
      const expiring = await agreed({ validUntil: addDays(today(), 60) });
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
      const { agreement } = await agreed();
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

    test('the bakery sees its apprentice only with consent to plan and progress, never residence or money signals', async () => {
      const withConsent = await agreed({ categories: ['contact', 'plan_progress'], validUntil: addDays(today(), 20) });
      const withoutPlan = await agreed({ categories: ['contact', 'education_work'] });
      await checkIn(withConsent.agreement.id, ['missed_school_days', 'residence_expiring', 'money_trouble']);

      const mine = (await bakery.get('/api/employer/apprentices')).json<{ id: string }[]>();
      assert.ok(mine.some((a) => a.id === withConsent.agreement.id));
      assert.ok(!mine.some((a) => a.id === withoutPlan.agreement.id), 'no plan-and-progress consent: not listed');
      assert.equal((await bakery.get(`/api/employer/apprentices/${withoutPlan.agreement.id}`)).statusCode, 404);

      const seen = await bakery.get(`/api/employer/apprentices/${withConsent.agreement.id}`);
      assert.equal(seen.statusCode, 200, seen.body);
      const view = seen.json<Record<string, unknown> & { checkIns: Record<string, unknown>[] }>();
      assert.deepEqual(view.checkIns[0]!.signals, ['missed_school_days']);
      assert.equal(view.checkIns[0]!.notes, undefined, 'the staff notes stay with the staff');
      assert.equal(view.risk, undefined, 'the risk reasons would tell of residence and money');
      assert.doesNotMatch(seen.body, /residence|money|Mietschulden/);
      // The staff's own view is not the company's.
      assert.equal((await bakery.get(`/api/apprenticeships/${withConsent.agreement.id}`)).statusCode, 404);

      // The company asks for help; the case manager sees it and marks it handled.
      const asked = await bakery.post(`/api/employer/apprentices/${withConsent.agreement.id}/help-requests`, {
        text: 'Prüfungsvorbereitung Mathe dringend',
      });
      assert.equal(asked.statusCode, 201, asked.body);
      assert.equal(
        (await bakery.post(`/api/employer/apprentices/${withConsent.agreement.id}/help-requests`, { text: '' })).statusCode,
        400,
      );
      const open = (await cm.get('/api/apprenticeship-help-requests')).json<{ id: string; version: number; text: string }[]>();
      const request = open.find((h) => h.id === asked.json<{ id: string }>().id)!;
      assert.equal(request.text, 'Prüfungsvorbereitung Mathe dringend');
      assert.equal((await bakery.get('/api/apprenticeship-help-requests')).statusCode, 403);
      const handled = await cm.post(`/api/apprenticeship-help-requests/${request.id}/handled`, { version: request.version });
      assert.equal(handled.statusCode, 200, handled.body);
      assert.ok(handled.json<{ handledAt: string }>().handledAt);
      assert.equal(
        (await cm.post(`/api/apprenticeship-help-requests/${request.id}/handled`, { version: request.version })).statusCode,
        409,
      );
      assert.ok(!(await cm.get('/api/apprenticeship-help-requests')).json<{ id: string }[]>().some((h) => h.id === request.id));

      // Withdrawing the consent closes the company's view at once.
      const consent = (await cm.get(`/api/participants/${withConsent.person.id}/consents`)).json<{ id: string; version: number }[]>()[0]!;
      assert.equal((await cm.post(`/api/consents/${consent.id}/withdraw`, { version: consent.version })).statusCode, 200);
      assert.ok(!(await bakery.get('/api/employer/apprentices')).json<{ id: string }[]>().some((a) => a.id === withConsent.agreement.id));
      assert.equal((await bakery.get(`/api/employer/apprentices/${withConsent.agreement.id}`)).statusCode, 404);
      const late = await bakery.post(`/api/employer/apprentices/${withConsent.agreement.id}/help-requests`, { text: 'Noch eine Frage' });
      assert.equal(late.statusCode, 404);
    });

    test('every other role is denied: other offices, partners, mentors (even as helper), analysts, the DPO, admins, other employers', async () => {
      const { agreement, person } = await agreed({ categories: ['plan_progress'] });
      const user = await t.database.db
        .insertInto('users')
        .values({
          network_id: ids.networkId,
          email: 'azubi@logistik.example',
          display_name: 'Lager',
          password_hash: await hashPassword(DEMO_PASSWORD),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.database.db
        .insertInto('memberships')
        .values({ network_id: ids.networkId, user_id: user.id, organisation_id: ids.org('Wupper Logistik'), role: 'employer_contact' })
        .execute();
      const other = await t.as('azubi@logistik.example');
      assert.deepEqual((await other.get('/api/employer/apprentices')).json(), []);
      for (const url of [`/api/employer/apprentices/${agreement.id}`, `/api/apprenticeships/${agreement.id}`])
        assert.equal((await other.get(url)).statusCode, 404, url);
      assert.equal(
        (await other.post(`/api/employer/apprentices/${agreement.id}/help-requests`, { text: 'Hallo zusammen' })).statusCode,
        404,
      );

      // Another office's case manager lists only their own office's apprentices.
      const solingen = await t.as('fallmanager.solingen@lotse.example');
      const theirs = (await solingen.get('/api/apprenticeships?pageSize=200')).json<{ items: { id: string }[] }>().items;
      assert.ok(!theirs.some((i) => i.id === agreement.id));
      assert.doesNotMatch((await solingen.get('/api/apprenticeships/export')).body, new RegExp(agreement.id));
      assert.ok(
        !(await solingen.get('/api/apprenticeship-help-requests'))
          .json<{ apprenticeshipId: string }[]>()
          .some((h) => h.apprenticeshipId === agreement.id),
      );
      const noCaseManager = EVERYONE_BUT_THE_CASE_MANAGER.filter((e) => e !== 'fallmanager.solingen@lotse.example');
      await assertDenied(
        t,
        [...noCaseManager, 'azubi@logistik.example'],
        [
          ['GET', '/api/apprenticeships'],
          ['GET', '/api/apprenticeships/export'],
          ['GET', '/api/apprenticeship-help-requests'],
        ],
      );
      const staffCalls = [
        ['GET', `/api/apprenticeships/${agreement.id}`],
        ['GET', `/api/participants/${person.id}/apprenticeships`],
        ['PATCH', `/api/apprenticeships/${agreement.id}`, { vocationalSchool: 'Anderswo', version: agreement.version }],
        ['PUT', `/api/apprenticeships/${agreement.id}/needs`, { needs: [], version: agreement.version }],
        ['POST', `/api/apprenticeships/${agreement.id}/check-ins`, { heldOn: today(), heldWith: 'both' }],
        ['POST', `/api/apprenticeships/${agreement.id}/end`, { status: 'completed', endedOn: today(), version: agreement.version }],
      ] as const;
      // The mentor is named as helper of one need and still sees nothing (decision 0017).
      await assertDenied(t, EVERYONE_BUT_THE_CASE_MANAGER, staffCalls);
      await assertDenied(t, ['azubi@logistik.example'], staffCalls);
      const outsiders = EVERYONE_BUT_THE_CASE_MANAGER.filter((e) => e !== 'arbeitgeber@lotse.example');
      await assertDenied(t, outsiders, [
        ['GET', '/api/employer/apprentices'],
        ['GET', `/api/employer/apprentices/${agreement.id}`],
        ['POST', `/api/employer/apprentices/${agreement.id}/help-requests`, { text: 'Eine Frage bitte' }],
      ]);
      // Nothing was changed by any of them.
      const after = (await cm.get(`/api/apprenticeships/${agreement.id}`)).json<Agreement>();
      assert.equal(after.version, agreement.version);
      assert.equal(after.checkIns.length, 0);
    });
  });
}
