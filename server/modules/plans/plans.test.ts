import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { draftReferral, giveConsent, participantWithPlan, stepTypeId, today } from '../../../test/support/cycle.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createOtherNetwork, OTHER_PASSWORD } from '../../../test/support/factories.ts';
import { pdfFolder, textOf } from '../../pdf/read-back.ts';

const pdfs = pdfFolder('lotse-plan-route-');
after(() => pdfs.remove());

type Plan = {
  id: string;
  state: string;
  version: number;
  number: number;
  goals: {
    lineageId: string;
    title: string;
    steps: {
      id: string;
      lineageId: string;
      stepTypeId: string;
      text: string;
      responsibleOrganisationId: string;
      status: string;
      version: number;
    }[];
  }[];
};

for (const kind of testDatabaseKinds()) {
  describe(`support plan [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
    });
    after(() => t.close());

    test('versions: a draft copies the current plan, the finalised one supersedes it, the diff pairs steps by lineage', async () => {
      const { person, plan } = await participantWithPlan(t, cm);
      const draft = (await cm.post(`/api/participants/${person.id}/plan/draft`)).json<Plan>();
      assert.equal(draft.number, 2);
      assert.equal(draft.state, 'draft');
      assert.deepEqual(
        draft.goals[0]!.steps.map((s) => s.lineageId),
        plan.goals[0]!.steps.map((s) => s.lineageId),
      );
      // Asking again returns the same draft.
      assert.equal((await cm.post(`/api/participants/${person.id}/plan/draft`)).json<Plan>().id, draft.id);

      const [cv, course] = draft.goals[0]!.steps;
      const saved = await cm.put(`/api/plan-versions/${draft.id}`, {
        version: draft.version,
        goals: [
          {
            lineageId: draft.goals[0]!.lineageId,
            title: 'Arbeit als Fachlagerist finden',
            steps: [{ ...cv!, text: 'Lebenslauf auf Deutsch und Englisch', dueOn: '2027-01-15' }],
          },
          {
            title: 'Kinderbetreuung',
            steps: [
              {
                stepTypeId: await stepTypeId(cm, 'childcare'),
                text: 'Kita-Platz beantragen',
                responsibleOrganisationId: course!.responsibleOrganisationId,
              },
            ],
          },
        ],
      });
      assert.equal(saved.statusCode, 200, saved.body);
      // A second save with the old version is a conflict, and shows the saved plan.
      const stale = await cm.put(`/api/plan-versions/${draft.id}`, { version: draft.version, goals: [] });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().current.goals.length, 2);

      const final = await cm.post(`/api/plan-versions/${draft.id}/finalise`, {
        version: saved.json<Plan>().version,
        discussedOn: today(),
        attendees: 'Teilnehmerin, Dolmetscher',
      });
      assert.equal(final.statusCode, 200, final.body);
      const overview = (await cm.get(`/api/participants/${person.id}/plan`)).json<{
        current: Plan;
        draft: Plan | null;
        versions: Plan[];
      }>();
      assert.equal(overview.current.id, draft.id);
      assert.equal(overview.draft, null);
      assert.deepEqual(
        overview.versions.map((v) => [v.number, v.state]),
        [
          [2, 'current'],
          [1, 'superseded'],
        ],
      );
      // The earlier version is still readable as it was.
      const first = (await cm.get(`/api/plan-versions/${plan.id}`)).json<Plan>();
      assert.equal(first.goals[0]!.title, 'Arbeit als Lagerist finden');

      const diff = (await cm.get(`/api/plan-diff?from=${plan.id}&to=${draft.id}`)).json();
      const goal = diff.goals.find((g: { lineageId: string }) => g.lineageId === draft.goals[0]!.lineageId);
      assert.equal(goal.change, 'changed');
      assert.deepEqual(goal.changes, [{ field: 'title', before: 'Arbeit als Lagerist finden', after: 'Arbeit als Fachlagerist finden' }]);
      const cvChange = goal.steps.find((s: { lineageId: string }) => s.lineageId === cv!.lineageId);
      assert.equal(cvChange.change, 'changed');
      assert.deepEqual(cvChange.changes.map((c: { field: string }) => c.field).sort(), ['dueOn', 'text']);
      assert.equal(goal.steps.find((s: { lineageId: string }) => s.lineageId === course!.lineageId).change, 'removed');
      assert.equal(diff.goals.find((g: { title: string }) => g.title === 'Kinderbetreuung').change, 'added');
    });

    test('only a draft is edited; only the current plan records progress; bad references are refused', async () => {
      const { person, plan } = await participantWithPlan(t, cm);
      assert.equal((await cm.put(`/api/plan-versions/${plan.id}`, { version: 3, goals: [] })).statusCode, 409);
      const step = plan.goals[0]!.steps[0]!;
      const progress = await cm.patch(`/api/plan-steps/${step.id}`, { version: 1, status: 'in_progress', statusNote: 'angefangen' });
      assert.equal(progress.statusCode, 200, progress.body);
      assert.equal((await cm.patch(`/api/plan-steps/${step.id}`, { version: 1, status: 'done' })).statusCode, 409);
      assert.equal((await cm.patch(`/api/plan-steps/${step.id}`, { version: 2, status: 'finished' })).statusCode, 400);

      const draft = (await cm.post(`/api/participants/${person.id}/plan/draft`)).json<Plan>();
      const draftStep = draft.goals[0]!.steps[0]!;
      assert.equal(draftStep.status, 'in_progress', 'the draft carries the progress over');
      assert.equal((await cm.patch(`/api/plan-steps/${draftStep.id}`, { version: 1, status: 'done' })).statusCode, 409);

      const employer = (
        await t.database.db.selectFrom('organisations').select('id').where('kind', '=', 'employer').executeTakeFirstOrThrow()
      ).id;
      const bad = await cm.put(`/api/plan-versions/${draft.id}`, {
        version: draft.version,
        goals: [{ title: 'x', steps: [{ stepTypeId: crypto.randomUUID(), text: 'x', responsibleOrganisationId: employer }] }],
      });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(Object.keys(bad.json().fields).sort(), ['responsibleOrganisationId', 'stepTypeId']);
      const empty = await cm.put(`/api/plan-versions/${draft.id}`, { version: draft.version, goals: [] });
      assert.equal(empty.statusCode, 200);
      const finalise = await cm.post(`/api/plan-versions/${draft.id}/finalise`, {
        version: empty.json<Plan>().version,
        discussedOn: today(),
        attendees: 'x',
      });
      assert.equal(finalise.statusCode, 400, 'a plan needs a step');
      const future = await cm.post(`/api/plan-versions/${draft.id}/finalise`, {
        version: empty.json<Plan>().version,
        discussedOn: '2999-01-01',
        attendees: 'x',
      });
      assert.equal(future.statusCode, 400);
    });

    test('the plan prints in German and Arabic, and the transmission form in German', async () => {
      const setup = await participantWithPlan(t, cm);
      for (const language of ['de', 'ar'] as const) {
        const res = await cm.get(`/api/plan-versions/${setup.plan.id}/pdf?language=${language}`);
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], 'application/pdf');
        const text = textOf(pdfs.save(res.rawPayload, `plan-${kind}-${language}`));
        assert.ok(text.includes('Lebenslauf auf Deutsch'), 'free text as written');
        assert.ok(text.includes(language === 'de' ? 'Bewerbungsmappe' : 'ملف السيرة الذاتية'), `${language}: step type from the catalogue`);
      }
      await giveConsent(cm, setup.person.id, setup.ids.org('Jobcoaching'), ['contact']);
      const referral = await draftReferral(cm, setup, ['contact']);
      const form = await cm.get(`/api/referrals/${referral.id}/pdf`);
      assert.equal(form.statusCode, 200);
      const text = textOf(pdfs.save(form.rawPayload, `form-${kind}`));
      for (const expected of [
        'Übermittlungsbogen',
        'Jobcoaching Bergisch Land',
        'Lebenslauf auf Deutsch',
        'Zwei Probegespräche',
        'Kontaktdaten',
      ])
        assert.ok(text.includes(expected), expected);
      const prints = await t.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', 'in', ['plan.print', 'referral.print'])
        .execute();
      assert.ok(prints.length >= 3);
    });

    test('the network admin extends the step type catalogue; nobody else may', async () => {
      const admin = await t.as('admin@lotse.example');
      const labels = { de: 'Führerschein', en: 'Driving licence', ar: 'رخصة القيادة' };
      const created = await admin.post('/api/step-types', { key: `driving_licence_${kind}`, labels });
      assert.equal(created.statusCode, 201, created.body);
      assert.ok((await cm.get('/api/step-types')).json<{ key: string }[]>().some((s) => s.key === `driving_licence_${kind}`));
      const again = await admin.post('/api/step-types', { key: `driving_licence_${kind}`, labels });
      assert.equal(again.statusCode, 400);
      assert.ok(again.json().fields.key);
      assert.equal((await admin.post('/api/step-types', { key: 'Bad Key!', labels })).statusCode, 400);
      for (const email of ['fallmanager@lotse.example', 'jobcoach@lotse.example', 'bericht@lotse.example', 'datenschutz@lotse.example'])
        assert.equal((await (await t.as(email)).post('/api/step-types', { key: 'x_y', labels })).statusCode, 403, email);
    });

    test('another network’s case manager finds nothing', async () => {
      const setup = await participantWithPlan(t, cm);
      const referral = await draftReferral(cm, setup, ['contact']);
      await createOtherNetwork(t.database.db, `plan-${kind}`);
      const other = await t.as(`fm@plan-${kind}.example`, OTHER_PASSWORD);
      for (const url of [
        `/api/participants/${setup.person.id}/plan`,
        `/api/plan-versions/${setup.plan.id}`,
        `/api/referrals/${referral.id}`,
        `/api/plan-diff?from=${setup.plan.id}&to=${setup.plan.id}`,
      ])
        assert.equal((await other.get(url)).statusCode, 404, url);
      assert.ok(!(await other.get('/api/referrals')).json<{ id: string }[]>().some((r) => r.id === referral.id));
      // Step types are per network: another network's type cannot be used.
      const otherType = (await other.get('/api/step-types')).json<{ id: string }[]>()[0]!.id;
      const res = await cm.post(`/api/participants/${setup.person.id}/referrals`, {
        partnerOrganisationId: setup.ids.org('Jobcoaching'),
        startsOn: today(),
        categories: ['contact'],
        tasks: [{ stepTypeId: otherType, text: 'x' }],
      });
      assert.equal(res.statusCode, 400);
    });
  });
}
