import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '../../dates.ts';
import { DEMO_PASSWORD } from '../../demo/demo-data.ts';
import { hashPassword } from '../auth/passwords.ts';
import { assertDenied, EVERYONE_BUT_THE_CASE_MANAGER } from '../../../test/support/access.ts';
import { apprenticeshipSetup, type Agreement } from '../../../test/support/apprenticeships.ts';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { today } from '../../../test/support/cycle.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';

// What the training company sees, and who else sees nothing: the bakery sees its apprentice
// only while the consent covers plan and progress, never notes, residence or money signals or
// the risk, and asks for help; every other role, office and company is denied.

for (const kind of testDatabaseKinds()) {
  describe(`apprenticeship support: the company's view and the denials [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    let bakery: ApiClient;
    let s: Awaited<ReturnType<typeof apprenticeshipSetup>>;
    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
      bakery = await t.as('arbeitgeber@lotse.example');
      s = await apprenticeshipSetup(t, cm);
    });
    after(() => t.close());

    test('the bakery sees its apprentice only with consent to plan and progress, never residence or money signals', async () => {
      const withConsent = await s.agreed({ categories: ['contact', 'plan_progress'], validUntil: addDays(today(), 20) });
      const withoutPlan = await s.agreed({ categories: ['contact', 'education_work'] });
      await s.checkIn(withConsent.agreement.id, ['missed_school_days', 'residence_expiring', 'money_trouble']);

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
      const { agreement, person } = await s.agreed({ categories: ['plan_progress'] });
      const user = await t.database.db
        .insertInto('users')
        .values({
          network_id: s.ids.networkId,
          email: 'azubi@logistik.example',
          display_name: 'Lager',
          password_hash: await hashPassword(DEMO_PASSWORD),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.database.db
        .insertInto('memberships')
        .values({ network_id: s.ids.networkId, user_id: user.id, organisation_id: s.ids.org('Wupper Logistik'), role: 'employer_contact' })
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
