import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { draftReferral, giveConsent, participantWithPlan, stepTypeId, today, type ReferralJson } from '../../../test/support/cycle.ts';
import { assertDenied, EVERYONE_BUT_THE_CASE_MANAGER } from '../../../test/support/access.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';

// The whole six-month cycle through the API: plan → referral refused without consent →
// consent → referral → accept → appointments → tasks → conference → next plan version →
// next referral; and what the partner sees at each point.

for (const kind of testDatabaseKinds()) {
  describe(`the six-month cycle [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    let partner: ApiClient;
    let otherPartner: ApiClient;
    let jobcoachId: string;
    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
      partner = await t.as('jobcoach@lotse.example');
      otherPartner = await t.as('qualifizierung@lotse.example');
      const user = await t.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'jobcoach@lotse.example')
        .executeTakeFirstOrThrow();
      jobcoachId = user.id;
    });
    after(() => t.close());

    const inbox = async (client: ApiClient) => (await client.get('/api/referrals?box=all')).json<{ id: string }[]>().map((r) => r.id);

    test('plan → referral → consent → accept → tasks → conference → next plan and referral', async () => {
      const setup = await participantWithPlan(t, cm);
      const referral = await draftReferral(cm, setup, ['contact', 'plan_progress']);
      assert.equal(referral.state, 'draft');
      assert.deepEqual(referral.consentCheck, { covered: false, missing: ['contact', 'plan_progress'], consentId: null });

      // Refused without consent; the partner sees nothing of a draft.
      const refused = await cm.post(`/api/referrals/${referral.id}/send`, { version: referral.version });
      assert.equal(refused.statusCode, 400);
      assert.ok(refused.json().fields.consent, refused.body);
      assert.ok(!(await inbox(partner)).includes(referral.id));
      assert.equal((await partner.get(`/api/referrals/${referral.id}`)).statusCode, 404);

      // Consent to more categories than the form shares: the partner will see the form's only.
      const consent = await giveConsent(cm, setup.person.id, setup.ids.org('Jobcoaching'), ['contact', 'education_work', 'plan_progress']);
      const sent = await cm.post(`/api/referrals/${referral.id}/send`, { version: referral.version });
      assert.equal(sent.statusCode, 200, sent.body);
      assert.equal(sent.json<ReferralJson>().state, 'sent');

      // Before acceptance: in the partner's inbox, but the person's data stays closed.
      assert.ok((await inbox(partner)).includes(referral.id));
      assert.equal((await partner.get(`/api/referrals/${referral.id}/participant`)).statusCode, 404);
      assert.ok(!(await inbox(otherPartner)).includes(referral.id));
      assert.equal((await otherPartner.get(`/api/referrals/${referral.id}`)).statusCode, 404);
      assert.equal(
        (await otherPartner.post(`/api/referrals/${referral.id}/accept`, { version: 2, caseworkerId: jobcoachId })).statusCode,
        404,
      );
      // The office cannot accept on the partner's behalf.
      assert.equal((await cm.post(`/api/referrals/${referral.id}/accept`, { version: 2, caseworkerId: jobcoachId })).statusCode, 403);

      const accepted = await partner.post(`/api/referrals/${referral.id}/accept`, {
        version: sent.json<ReferralJson>().version,
        caseworkerId: jobcoachId,
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.equal(accepted.json<ReferralJson>().caseworkerId, jobcoachId);

      // Appointments proposed by the rule: two exchanges and the conference, in order.
      const appointments = (await partner.get(`/api/appointments?referralId=${referral.id}`)).json<
        { id: string; kind: string; startsAt: string; version: number }[]
      >();
      assert.deepEqual(
        appointments.map((a) => a.kind),
        ['exchange', 'exchange', 'case_conference'],
      );
      const conference = appointments[2]!;
      assert.ok(conference.startsAt.slice(0, 10) < accepted.json<{ endsOn: string }>().endsOn);

      // Only the categories of the form that the consent covers.
      const seen = await partner.get(`/api/referrals/${referral.id}/participant`);
      assert.equal(seen.statusCode, 200, seen.body);
      const view = seen.json();
      assert.deepEqual(view.shared, ['contact', 'plan_progress']);
      assert.ok(view.contact);
      assert.equal(view.plan[0].title, 'Arbeit als Lagerist finden');
      assert.equal(view.personal, null);
      assert.equal(view.educationWork, null, 'consented but not on the form');
      assert.equal(view.residence, null);
      assert.ok(!JSON.stringify(view).includes('employab'));
      assert.equal((await otherPartner.get(`/api/referrals/${referral.id}/participant`)).statusCode, 404);

      // The partner records progress; the plan's step follows; a stale version is refused.
      const task = accepted.json<ReferralJson>().tasks[0]!;
      const progress = await partner.patch(`/api/referral-tasks/${task.id}`, {
        version: task.version,
        status: 'in_progress',
        progressNote: 'Entwurf liegt vor',
      });
      assert.equal(progress.statusCode, 200, progress.body);
      const stale = await partner.patch(`/api/referral-tasks/${task.id}`, { version: task.version, status: 'done' });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().current.status, 'in_progress');
      const plan = (await cm.get(`/api/participants/${setup.person.id}/plan`)).json();
      assert.equal(plan.current.goals[0].steps[0].status, 'in_progress');
      assert.equal((await otherPartner.patch(`/api/referral-tasks/${task.id}`, { version: 2, status: 'done' })).statusCode, 404);

      // Either side moves an appointment; the other sees it.
      const moved = await partner.patch(`/api/appointments/${appointments[0]!.id}`, {
        version: appointments[0]!.version,
        startsAt: `${appointments[0]!.startsAt.slice(0, 10)}T13:30:00+01:00`,
        location: 'Jobcoaching, Raum 2',
      });
      assert.equal(moved.statusCode, 200, moved.body);
      const cmView = (await cm.get(`/api/appointments?referralId=${referral.id}`)).json<{ id: string; location: string | null }[]>();
      assert.equal(cmView.find((a) => a.id === appointments[0]!.id)!.location, 'Jobcoaching, Raum 2');

      // The conference: the agenda lists the tasks; decisions per task plus a new task.
      const agenda = (await cm.get(`/api/conferences/${conference.id}`)).json();
      assert.deepEqual(
        agenda.agenda.map((a: { status: string }) => a.status),
        ['in_progress', 'open'],
      );
      const [cvTask, interviewTask] = agenda.agenda as { taskId: string }[];
      const minutes = await partner.put(`/api/conferences/${conference.id}`, {
        version: agenda.version,
        decisions: [
          { taskId: cvTask!.taskId, decision: 'done', note: 'Mappe fertig' },
          { taskId: interviewTask!.taskId, decision: 'continue' },
          { decision: 'new', stepTypeId: await stepTypeId(cm, 'internship'), text: 'Praktikum im Lager', dueOn: today() },
        ],
        minutes: 'Gute Fortschritte.',
        nextSteps: 'Praktikum suchen',
      });
      assert.equal(minutes.statusCode, 200, minutes.body);
      // Closing decides the plan: the office's, not the partner's.
      assert.equal(
        (await partner.post(`/api/conferences/${conference.id}/close`, { version: minutes.json().version, outcome: 'next_cycle' }))
          .statusCode,
        403,
      );
      const closed = await cm.post(`/api/conferences/${conference.id}/close`, { version: minutes.json().version, outcome: 'next_cycle' });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json().state, 'held');

      // The next plan version is drafted from the decisions.
      const next = (await cm.get(`/api/participants/${setup.person.id}/plan`)).json();
      assert.equal(next.draft.conferenceId, conference.id);
      const steps = next.draft.goals.flatMap((g: { steps: { text: string; status: string }[] }) => g.steps);
      assert.equal(steps.find((s: { text: string }) => s.text === 'Lebenslauf auf Deutsch').status, 'done');
      assert.equal(steps.find((s: { text: string }) => s.text === 'Zwei Probegespräche').status, 'open');
      assert.equal(steps.find((s: { text: string }) => s.text === 'Praktikum im Lager').status, 'open');
      const diff = (await cm.get(`/api/plan-diff?from=${next.current.id}&to=${next.draft.id}`)).json();
      assert.ok(diff.goals.some((g: { change: string }) => g.change === 'added'));

      // Finalising it with the participant drafts the next cycle's referral.
      const final = await cm.post(`/api/plan-versions/${next.draft.id}/finalise`, {
        version: next.draft.version,
        discussedOn: today(),
        attendees: 'Teilnehmer, Fallmanagerin, Jobcoach',
      });
      assert.equal(final.statusCode, 200, final.body);
      const referrals = (await cm.get(`/api/referrals?participantId=${setup.person.id}`)).json<{ id: string; state: string }[]>();
      const following = referrals.find((r) => r.state === 'draft')!;
      const followingView = (await cm.get(`/api/referrals/${following.id}`)).json<ReferralJson>();
      assert.equal(followingView.previousReferralId, referral.id);
      assert.deepEqual(followingView.tasks.map((x) => x.text).sort(), ['Praktikum im Lager', 'Zwei Probegespräche']);

      // Withdrawing the consent ends the partner's access at once, in every list and the calendar.
      const feedUrl = new URL((await partner.post('/api/calendar-feed')).json<{ url: string }>().url).pathname;
      assert.ok((await t.anonymous().get(feedUrl)).body.includes(appointments[1]!.id));
      const withdrawn = await cm.post(`/api/consents/${consent.id}/withdraw`, {
        version: consent.version,
        note: 'Teilnehmer möchte das nicht mehr',
      });
      assert.equal(withdrawn.statusCode, 200, withdrawn.body);
      assert.equal((await partner.get(`/api/referrals/${referral.id}/participant`)).statusCode, 404);
      assert.equal((await partner.get(`/api/referrals/${referral.id}`)).statusCode, 404);
      assert.ok(!(await inbox(partner)).includes(referral.id));
      assert.equal((await partner.get(`/api/appointments?referralId=${referral.id}`)).statusCode, 404);
      const own = (await partner.get('/api/appointments')).json<{ referralId: string }[]>();
      assert.ok(!own.some((a) => a.referralId === referral.id), 'not among the partner’s own appointments');
      const week = (await partner.get('/api/my-week?days=31')).json<{
        appointments: { referralId: string }[];
        conferences: { referralId: string }[];
        due: { referralId: string | null }[];
      }>();
      assert.ok(![...week.appointments, ...week.conferences, ...week.due].some((a) => a.referralId === referral.id), 'nor in the week');
      assert.ok(!(await t.anonymous().get(feedUrl)).body.includes(appointments[1]!.id), 'nor in the calendar feed');

      // The timeline tells the story.
      const kinds = (await cm.get(`/api/participants/${setup.person.id}/timeline`)).json<{ kind: string }[]>().map((e) => e.kind);
      for (const k of [
        'plan.finalised',
        'referral.sent',
        'referral.accepted',
        'referral.task_updated',
        'conference.closed',
        'plan.drafted',
      ])
        assert.ok(kinds.includes(k), `timeline has ${k}`);
    });

    test('revoking and the end of the cycle end the partner’s access', async () => {
      const setup = await participantWithPlan(t, cm);
      await giveConsent(cm, setup.person.id, setup.ids.org('Jobcoaching'), ['contact', 'personal']);
      const revokedOne = await draftReferral(cm, setup, ['contact']);
      const endedOne = await draftReferral(cm, setup, ['contact', 'personal']);
      for (const r of [revokedOne, endedOne]) {
        const sent = await cm.post(`/api/referrals/${r.id}/send`, { version: r.version });
        const acc = await partner.post(`/api/referrals/${r.id}/accept`, {
          version: sent.json<ReferralJson>().version,
          caseworkerId: jobcoachId,
        });
        assert.equal(acc.statusCode, 200, acc.body);
        assert.equal((await partner.get(`/api/referrals/${r.id}/participant`)).statusCode, 200);
      }
      const current = (await cm.get(`/api/referrals/${revokedOne.id}`)).json<ReferralJson>();
      const revoke = await cm.post(`/api/referrals/${revokedOne.id}/revoke`, {
        version: current.version,
        reason: 'Teilnehmer ist umgezogen',
      });
      assert.equal(revoke.statusCode, 200, revoke.body);
      assert.equal((await partner.get(`/api/referrals/${revokedOne.id}/participant`)).statusCode, 404);
      const appointments = (await cm.get(`/api/appointments?referralId=${revokedOne.id}`)).json<{ state: string }[]>();
      assert.ok(appointments.every((a) => a.state === 'cancelled'));

      // The cycle ends yesterday: access ends without anyone doing anything.
      await t.database.db
        .updateTable('referrals')
        .set({ starts_on: '2025-01-01', ends_on: new Date(Date.now() - 86400_000).toISOString().slice(0, 10) })
        .where('id', '=', endedOne.id)
        .execute();
      assert.equal((await partner.get(`/api/referrals/${endedOne.id}/participant`)).statusCode, 404);
      assert.equal((await partner.get(`/api/referrals/${endedOne.id}`)).statusCode, 404);
      const { completeEndedReferrals } = await import('./answers.service.ts');
      assert.ok((await completeEndedReferrals(t.database.db)) >= 1);
      assert.equal((await cm.get(`/api/referrals/${endedOne.id}`)).json<ReferralJson>().state, 'completed');
    });

    test('sending without consent needs a reason, which is audited; the partner then sees no category', async () => {
      const setup = await participantWithPlan(t, cm, 'Qualifizierung');
      const referral = await draftReferral(cm, setup, ['contact', 'residence'], 'Qualifizierung');
      const short = await cm.post(`/api/referrals/${referral.id}/send`, { version: referral.version, overrideReason: 'eilt' });
      assert.equal(short.statusCode, 400);
      const reason = 'Termin beim Träger morgen, Einwilligung wird dort unterschrieben';
      const sent = await cm.post(`/api/referrals/${referral.id}/send`, { version: referral.version, overrideReason: reason });
      assert.equal(sent.statusCode, 200, sent.body);
      const qualiId = (
        await t.database.db.selectFrom('users').select('id').where('email', '=', 'qualifizierung@lotse.example').executeTakeFirstOrThrow()
      ).id;
      const acc = await otherPartner.post(`/api/referrals/${referral.id}/accept`, {
        version: sent.json<ReferralJson>().version,
        caseworkerId: qualiId,
      });
      assert.equal(acc.statusCode, 200, acc.body);
      const view = (await otherPartner.get(`/api/referrals/${referral.id}/participant`)).json();
      assert.deepEqual(view.shared, []);
      assert.equal(view.contact, null);
      assert.equal(view.residence, null);
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select(['details'])
        .where('action', '=', 'referral.consent_override')
        .where('entity_id', '=', referral.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(audit.details, { participantId: setup.person.id, missing: ['contact', 'residence'], fields: ['override_reason'] });
      assert.ok(!JSON.stringify(audit.details).includes('Träger'), 'free text stays out of the audit log');
      // The office sees the reason; the partner sees neither the reason nor it printed on the form.
      assert.equal((await cm.get(`/api/referrals/${referral.id}`)).json<{ overrideReason: string }>().overrideReason, reason);
      assert.equal(
        (await otherPartner.get(`/api/referrals/${referral.id}`)).json<{ overrideReason: string | null }>().overrideReason,
        null,
      );
      // Jobcoaching never sees Qualifizierung's referral.
      assert.equal((await partner.get(`/api/referrals/${referral.id}`)).statusCode, 404);
    });

    test('a sent referral whose consent is withdrawn leaves the inbox; it can no longer be accepted', async () => {
      const setup = await participantWithPlan(t, cm);
      const consent = await giveConsent(cm, setup.person.id, setup.ids.org('Jobcoaching'), ['contact']);
      const referral = await draftReferral(cm, setup, ['contact']);
      const sent = (await cm.post(`/api/referrals/${referral.id}/send`, { version: referral.version })).json<ReferralJson>();
      assert.ok((await inbox(partner)).includes(referral.id));
      await cm.post(`/api/consents/${consent.id}/withdraw`, { version: consent.version });
      assert.ok(!(await inbox(partner)).includes(referral.id));
      for (const url of [`/api/referrals/${referral.id}`, `/api/referrals/${referral.id}/pdf`])
        assert.equal((await partner.get(url)).statusCode, 404, url);
      assert.equal(
        (await partner.post(`/api/referrals/${referral.id}/accept`, { version: sent.version, caseworkerId: jobcoachId })).statusCode,
        404,
      );
    });

    test('the conference: decisions are checked, a closed draft change reaches an open editor as a conflict, a cancelled one cannot close', async () => {
      const setup = await participantWithPlan(t, cm);
      await giveConsent(cm, setup.person.id, setup.ids.org('Jobcoaching'), ['contact']);
      const referral = await draftReferral(cm, setup, ['contact']);
      const sent = (await cm.post(`/api/referrals/${referral.id}/send`, { version: referral.version })).json<ReferralJson>();
      await partner.post(`/api/referrals/${referral.id}/accept`, { version: sent.version, caseworkerId: jobcoachId });
      const [exchange, , conference] = (await cm.get(`/api/appointments?referralId=${referral.id}`)).json<
        { id: string; version: number }[]
      >();
      const agenda = (await cm.get(`/api/conferences/${conference!.id}`)).json<{ version: number; agenda: { taskId: string }[] }>();
      const unknownType = await cm.put(`/api/conferences/${conference!.id}`, {
        version: agenda.version,
        decisions: [{ decision: 'new', stepTypeId: crypto.randomUUID(), text: 'x' }],
      });
      assert.equal(unknownType.statusCode, 400);
      const twice = await cm.put(`/api/conferences/${conference!.id}`, {
        version: agenda.version,
        decisions: [
          { taskId: agenda.agenda[0]!.taskId, decision: 'done' },
          { taskId: agenda.agenda[0]!.taskId, decision: 'drop' },
        ],
      });
      assert.equal(twice.statusCode, 400);
      // An exchange appointment is no conference.
      assert.equal((await cm.get(`/api/conferences/${exchange!.id}`)).statusCode, 404);

      // The case manager has a plan draft open in the editor while the conference closes.
      const draft = (await cm.post(`/api/participants/${setup.person.id}/plan/draft`)).json<{ id: string; version: number }>();
      const saved = await cm.put(`/api/conferences/${conference!.id}`, {
        version: agenda.version,
        decisions: agenda.agenda.map((a) => ({ taskId: a.taskId, decision: 'continue' })),
      });
      const closed = await cm.post(`/api/conferences/${conference!.id}/close`, {
        version: saved.json<{ version: number }>().version,
        outcome: 'next_cycle',
      });
      assert.equal(closed.statusCode, 200, closed.body);
      const stale = await cm.put(`/api/plan-versions/${draft.id}`, { version: draft.version, goals: [] });
      assert.equal(stale.statusCode, 409, 'the editor learns that the conference changed the draft');

      const cancelled = await draftReferral(cm, setup, ['contact']);
      const sent2 = (await cm.post(`/api/referrals/${cancelled.id}/send`, { version: cancelled.version })).json<ReferralJson>();
      await partner.post(`/api/referrals/${cancelled.id}/accept`, { version: sent2.version, caseworkerId: jobcoachId });
      const conf2 = (await cm.get(`/api/appointments?referralId=${cancelled.id}`))
        .json<{ id: string; kind: string; version: number }[]>()
        .find((a) => a.kind === 'case_conference')!;
      const off = await cm.patch(`/api/appointments/${conf2.id}`, { version: conf2.version, state: 'cancelled' });
      const refused = await cm.post(`/api/conferences/${conf2.id}/close`, {
        version: off.json<{ version: number }>().version,
        outcome: 'close_case',
        exitReason: 'moved_away',
        exitDate: today(),
      });
      assert.equal(refused.statusCode, 409);
    });

    test('closing one conference twice at the same time: one wins, the others get 409', async () => {
      const setup = await participantWithPlan(t, cm);
      await giveConsent(cm, setup.person.id, setup.ids.org('Jobcoaching'), ['contact']);
      const referral = await draftReferral(cm, setup, ['contact']);
      const sent = (await cm.post(`/api/referrals/${referral.id}/send`, { version: referral.version })).json<ReferralJson>();
      await partner.post(`/api/referrals/${referral.id}/accept`, { version: sent.version, caseworkerId: jobcoachId });
      const conference = (await cm.get(`/api/appointments?referralId=${referral.id}`))
        .json<{ id: string; kind: string }[]>()
        .find((a) => a.kind === 'case_conference')!;
      const agenda = (await cm.get(`/api/conferences/${conference.id}`)).json<{ version: number; agenda: { taskId: string }[] }>();
      const saved = await cm.put(`/api/conferences/${conference.id}`, {
        version: agenda.version,
        decisions: agenda.agenda.map((a) => ({ taskId: a.taskId, decision: 'done' })),
      });
      const version = saved.json<{ version: number }>().version;
      const results = await Promise.all(
        [1, 2, 3].map(() => cm.post(`/api/conferences/${conference.id}/close`, { version, outcome: 'next_cycle' })),
      );
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409, 409], results.map((r) => r.body).join('\n'));
      const drafts = await t.database.db
        .selectFrom('plan_versions')
        .select('id')
        .where('participant_id', '=', setup.person.id)
        .where('state', '=', 'draft')
        .execute();
      assert.equal(drafts.length, 1);
    });

    test('two answers at the same time: one accepts, the other learns it was answered (409)', async () => {
      const setup = await participantWithPlan(t, cm);
      await giveConsent(cm, setup.person.id, setup.ids.org('Jobcoaching'), ['contact']);
      const referral = await draftReferral(cm, setup, ['contact']);
      const sent = (await cm.post(`/api/referrals/${referral.id}/send`, { version: referral.version })).json<ReferralJson>();
      const answers = await Promise.all([
        partner.post(`/api/referrals/${referral.id}/accept`, { version: sent.version, caseworkerId: jobcoachId }),
        partner.post(`/api/referrals/${referral.id}/accept`, { version: sent.version, caseworkerId: jobcoachId }),
      ]);
      assert.deepEqual(answers.map((r) => r.statusCode).sort(), [200, 409]);
      const appointments = (await cm.get(`/api/appointments?referralId=${referral.id}`)).json<unknown[]>();
      assert.equal(appointments.length, 3, 'the appointments are proposed once');
    });

    test('declining ends the referral with a reason; only the partner answers', async () => {
      const setup = await participantWithPlan(t, cm);
      await giveConsent(cm, setup.person.id, setup.ids.org('Jobcoaching'), ['contact']);
      const referral = await draftReferral(cm, setup, ['contact']);
      const sent = (await cm.post(`/api/referrals/${referral.id}/send`, { version: referral.version })).json<ReferralJson>();
      const declined = await partner.post(`/api/referrals/${referral.id}/decline`, {
        version: sent.version,
        reason: 'Keine Kapazität bis März',
      });
      assert.equal(declined.statusCode, 200, declined.body);
      assert.equal(declined.json(), null, 'the partner no longer sees it');
      const seen = (await cm.get(`/api/referrals/${referral.id}`)).json<{ state: string; declineReason: string }>();
      assert.deepEqual([seen.state, seen.declineReason], ['declined', 'Keine Kapazität bis März']);
      assert.equal((await partner.get(`/api/referrals/${referral.id}`)).statusCode, 404);
    });

    test('on an accepted referral, everyone but the office and the named caseworker is refused every route', async () => {
      const setup = await participantWithPlan(t, cm);
      await giveConsent(cm, setup.person.id, setup.ids.org('Jobcoaching'), ['contact', 'plan_progress']);
      const referral = await draftReferral(cm, setup, ['contact', 'plan_progress']);
      const sent = (await cm.post(`/api/referrals/${referral.id}/send`, { version: referral.version })).json<ReferralJson>();
      const accepted = (
        await partner.post(`/api/referrals/${referral.id}/accept`, { version: sent.version, caseworkerId: jobcoachId })
      ).json<ReferralJson>();
      const [exchange, , conference] = (await cm.get(`/api/appointments?referralId=${referral.id}`)).json<
        { id: string; version: number }[]
      >();
      const task = accepted.tasks[0]!;
      const others = [...EVERYONE_BUT_THE_CASE_MANAGER.filter((e) => e !== 'jobcoach@lotse.example'), 'qualifizierung@lotse.example'];
      await assertDenied(t, others, [
        ['GET', `/api/referrals/${referral.id}`],
        ['GET', `/api/referrals/${referral.id}/participant`],
        ['GET', `/api/referrals/${referral.id}/caseworkers`],
        ['GET', `/api/referrals/${referral.id}/pdf`],
        ['POST', `/api/referrals/${referral.id}/notes`, { text: 'hallo' }],
        ['POST', `/api/referrals/${referral.id}/decline`, { version: accepted.version, reason: 'nein danke' }],
        ['POST', `/api/referrals/${referral.id}/revoke`, { version: accepted.version, reason: 'nein danke' }],
        ['PATCH', `/api/referral-tasks/${task.id}`, { version: task.version, status: 'done' }],
        ['GET', `/api/appointments?referralId=${referral.id}`],
        ['POST', `/api/referrals/${referral.id}/appointments`, { startsAt: '2027-03-01T10:00:00+01:00', durationMinutes: 60 }],
        ['PATCH', `/api/appointments/${exchange!.id}`, { version: exchange!.version, state: 'cancelled' }],
        ['GET', `/api/conferences/${conference!.id}`],
        ['PUT', `/api/conferences/${conference!.id}`, { version: conference!.version, decisions: [] }],
        [
          'POST',
          `/api/conferences/${conference!.id}/close`,
          { version: conference!.version, outcome: 'close_case', exitReason: 'other', exitDate: today() },
        ],
        ['PUT', `/api/plan-versions/${setup.plan.id}`, { version: 1, goals: [] }],
        ['POST', `/api/plan-versions/${setup.plan.id}/finalise`, { version: 1, discussedOn: today(), attendees: 'x' }],
        ['GET', `/api/plan-diff?from=${setup.plan.id}&to=${setup.plan.id}`],
      ]);
      // Nothing of it leaked into their lists either.
      for (const email of others) {
        const client = await t.as(email);
        for (const url of ['/api/referrals', '/api/appointments', '/api/my-week']) {
          const res = await client.get(url);
          assert.ok(res.statusCode === 403 || !res.body.includes(referral.id), `${email} ${url}`);
        }
      }
    });

    test('roles without a part in the cycle get nothing', async () => {
      const setup = await participantWithPlan(t, cm);
      const referral = await draftReferral(cm, setup, ['contact']);
      const step = setup.plan.goals[0]!.steps[0]!;
      const validReferral = {
        partnerOrganisationId: setup.ids.org('Jobcoaching'),
        startsOn: today(),
        categories: ['contact'],
        tasks: [{ stepTypeId: step.stepTypeId, text: 'x' }],
      };
      await assertDenied(t, EVERYONE_BUT_THE_CASE_MANAGER, [
        ['GET', `/api/referrals/${referral.id}`],
        ['GET', `/api/referrals/${referral.id}/pdf`],
        ['GET', `/api/referrals/${referral.id}/participant`],
        ['POST', `/api/referrals/${referral.id}/send`, { version: 1 }],
        ['POST', `/api/referrals/${referral.id}/revoke`, { version: 1, reason: 'because' }],
        ['GET', `/api/appointments?referralId=${referral.id}`],
        ['GET', `/api/participants/${setup.person.id}/plan`],
        ['POST', `/api/participants/${setup.person.id}/plan/draft`],
        ['GET', `/api/plan-versions/${setup.plan.id}`],
        ['GET', `/api/plan-versions/${setup.plan.id}/pdf`],
        ['PATCH', `/api/plan-steps/${step.id}`, { version: 1, status: 'done' }],
        ['POST', `/api/participants/${setup.person.id}/referrals`, validReferral],
      ]);
      for (const email of [
        'pate@lotse.example',
        'arbeitgeber@lotse.example',
        'bericht@lotse.example',
        'datenschutz@lotse.example',
        'admin@lotse.example',
      ])
        for (const url of ['/api/referrals', '/api/appointments', '/api/my-week'])
          assert.equal((await (await t.as(email)).get(url)).statusCode, 403, `${email} ${url}`);
    });
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`the demo network's cycle [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, { demoCycle: true });
    });
    after(() => t.close());

    test('plans, referrals at different points, and work in both weeks', async () => {
      const cm = await t.as('fallmanager@lotse.example');
      const coach = await t.as('jobcoach@lotse.example');
      const referrals = (await cm.get('/api/referrals')).json<{ state: string }[]>();
      assert.deepEqual(referrals.map((r) => r.state).sort(), ['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'sent']);
      const week = (await coach.get('/api/my-week?days=14')).json();
      assert.ok(week.due.length > 0);
      assert.equal(week.referrals.length, 1, 'one new referral in the inbox');
      assert.ok(week.conferences.length >= 1, 'the oldest cycle’s conference is near');
    });
  });
}
