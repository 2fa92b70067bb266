import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '../../dates.ts';
import { hashPassword } from '../auth/passwords.ts';
import { generateReminders } from '../reminders/reminders.service.ts';
import { assertDenied } from '../../../test/support/access.ts';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { draftReferral, giveConsent, participantWithPlan, today, type ReferralJson } from '../../../test/support/cycle.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { demoIds } from '../../../test/support/factories.ts';
import { createParticipant } from '../../../test/support/participants.ts';

// Startzeit through the API: the bakery posts a vacancy, the case manager matches and
// proposes, the bakery sees only what was consented and moves the candidate on, the case
// manager records the placement, and its follow-ups fall due.

interface Match {
  participantId: string;
  score: number;
  flags: string[];
  reasons: { skills: { matched: { id: string }[]; missing: { id: string }[] }; distance: { km: number | null } };
}
interface Proposal {
  id: string;
  stage: string;
  version: number;
  flags: string[];
  note: string | null;
  participantId: string;
}

for (const kind of testDatabaseKinds()) {
  describe(`jobs and placements [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    let bakery: ApiClient;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    let skills: { id: string }[];
    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
      bakery = await t.as('arbeitgeber@lotse.example');
      ids = await demoIds(t.database.db);
      skills = (await cm.get('/api/skills')).json<{ id: string }[]>();
    });
    after(() => t.close());

    /** A person of the Wuppertal office with skills, German level, a residence document and, if given, an employability result. */
    async function candidate(opts: {
      clause?: string | null;
      skillIds?: string[];
      employability?: 'fit_with_restrictions' | 'not_fit_for_now';
    }) {
      const person = await createParticipant(t, cm, { germanLevel: 'B1', postcode: '42105' });
      const intake = await cm.put(`/api/participants/${person.id}/intake/skills`, {
        data: { items: (opts.skillIds ?? []).map((skillId) => ({ skillId, level: 'good' })) },
      });
      assert.equal(intake.statusCode, 200, intake.body);
      if (opts.clause !== null) {
        const doc = await cm.post(`/api/participants/${person.id}/residence-statuses`, {
          title: 'aufenthaltserlaubnis',
          validFrom: '2025-01-01',
          validUntil: '2028-12-31',
          workClause: opts.clause ?? 'permitted',
        });
        assert.equal(doc.statusCode, 201, doc.body);
      }
      if (opts.employability) {
        const check = await cm.put(`/api/participants/${person.id}/employability-check`, {
          needed: true,
          result: opts.employability,
          restrictions: 'Kein schweres Heben',
          checkedOn: today(),
        });
        assert.equal(check.statusCode, 200, check.body);
      }
      return person;
    }

    async function postVacancy(client: ApiClient, body: Record<string, unknown> = {}) {
      const res = await client.post('/api/vacancies', {
        employerId: ids.org('Bäckerei'),
        kind: 'job',
        title: `Bäckereihilfe ${Math.random().toString(36).slice(2, 7)}`,
        requiredSkillIds: [skills[0]!.id, skills[1]!.id],
        germanLevel: 'A2',
        postcode: '42103',
        town: 'Wuppertal',
        hoursPerWeek: 30,
        startsOn: addDays(today(), 30),
        places: 1,
        ...body,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<{ id: string; version: number }>();
    }

    const matchesFor = async (vacancyId: string) =>
      (await cm.get(`/api/vacancies/${vacancyId}/matches?limit=200`)).json<{ results: Match[]; excluded: Record<string, number> }>();

    test('matching: a forbidding work clause excludes, a permission clause and restrictions flag; the score says why', async () => {
      const vacancy = await postVacancy(bakery);
      const amal = await candidate({ skillIds: [skills[0]!.id, skills[1]!.id] });
      const half = await candidate({ skillIds: [skills[0]!.id] });
      const forbidden = await candidate({ skillIds: [skills[0]!.id, skills[1]!.id], clause: 'not_permitted' });
      const permission = await candidate({ clause: 'permission_required' });
      const unknown = await candidate({ clause: null });
      const restricted = await candidate({ employability: 'fit_with_restrictions' });
      const notFit = await candidate({ employability: 'not_fit_for_now' });

      const { results, excluded } = await matchesFor(vacancy.id);
      const find = (id: string) => results.find((r) => r.participantId === id);
      assert.equal(find(forbidden.id), undefined, 'work not permitted: never proposed');
      assert.equal(find(notFit.id), undefined, 'not fit for now: left out');
      assert.ok(excluded.work_not_permitted! >= 1 && excluded.restriction_applies! >= 1, JSON.stringify(excluded));
      assert.deepEqual(find(permission.id)?.flags, ['permission_required']);
      assert.deepEqual(find(unknown.id)?.flags, ['residence_unknown']);
      assert.deepEqual(find(restricted.id)?.flags, ['restriction_applies']);

      const best = find(amal.id)!;
      assert.equal(best.reasons.skills.matched.length, 2);
      assert.ok(best.reasons.distance.km! < 10, 'Wuppertal to Wuppertal');
      assert.ok(best.score > find(half.id)!.score, 'more of the required skills scores higher');
      assert.deepEqual(
        find(half.id)!.reasons.skills.missing.map((s) => s.id),
        [skills[1]!.id],
      );
      assert.ok(results.indexOf(best) < results.indexOf(find(half.id)!), 'ranked by score');

      // The other way round: open vacancies for a person; someone excluded gets none, and why.
      const forAmal = (await cm.get(`/api/participants/${amal.id}/matches`)).json<{ results: { vacancyId: string }[] }>();
      assert.ok(forAmal.results.some((r) => r.vacancyId === vacancy.id));
      // A vacancy that closes leaves the ranking at once (each process's cache follows the database).
      const other = await postVacancy(bakery);
      const ranksOther = async () =>
        (await cm.get(`/api/participants/${amal.id}/matches?limit=200`))
          .json<{ results: { vacancyId: string }[] }>()
          .results.some((r) => r.vacancyId === other.id);
      assert.equal(await ranksOther(), true);
      assert.equal((await bakery.patch(`/api/vacancies/${other.id}`, { status: 'withdrawn', version: other.version })).statusCode, 200);
      assert.equal(await ranksOther(), false);
      const forForbidden = (await cm.get(`/api/participants/${forbidden.id}/matches`)).json<{
        results: unknown[];
        excludedBecause: string;
      }>();
      assert.deepEqual(forForbidden, { ...forForbidden, results: [], excludedBecause: 'work_not_permitted' });

      // Matching reads the employability check: the office's case managers only. Another
      // office ranks its own people for the network's vacancy, never ours.
      await assertDenied(
        t,
        ['jobcoach@lotse.example', 'arbeitgeber@lotse.example', 'pate@lotse.example', 'bericht@lotse.example'],
        [
          ['GET', `/api/vacancies/${vacancy.id}/matches`],
          ['GET', `/api/participants/${amal.id}/matches`],
        ],
      );
      // The caseload overview: each person's best vacancies at once, the excluded with their reason.
      const caseload = (await cm.get('/api/matches?perPerson=2')).json<{
        people: { participantId: string; excludedBecause: string | null; best: { vacancyId: string }[] }[];
      }>();
      const row = (id: string) => caseload.people.find((p) => p.participantId === id)!;
      assert.equal(row(amal.id).best[0]!.vacancyId, vacancy.id);
      assert.deepEqual([row(forbidden.id).excludedBecause, row(forbidden.id).best], ['work_not_permitted', []]);
      await assertDenied(t, ['jobcoach@lotse.example', 'arbeitgeber@lotse.example', 'admin@lotse.example'], [['GET', '/api/matches']]);

      const solingen = await t.as('fallmanager.solingen@lotse.example');
      assert.equal((await solingen.get(`/api/participants/${amal.id}/matches`)).statusCode, 404);
      const theirs = (await solingen.get(`/api/vacancies/${vacancy.id}/matches?limit=200`)).json<{ results: Match[] }>();
      assert.ok(!theirs.results.some((r) => [amal.id, half.id, permission.id].includes(r.participantId)));
    });

    test('proposals need a consent to the employer and a document that allows the work; a permission becomes a plan step', async () => {
      const vacancy = await postVacancy(bakery);
      const forbidden = await candidate({ clause: 'not_permitted' });
      await giveConsent(cm, forbidden.id, ids.org('Bäckerei'), ['contact']);
      const refused = await cm.post('/api/proposals', { vacancyId: vacancy.id, participantId: forbidden.id });
      assert.equal(refused.statusCode, 400);
      // The office learns the rule under a field of its own; the web tells the two apart by it.
      assert.deepEqual(Object.keys(refused.json().fields), ['workClause'], refused.body);
      const notNow = await candidate({ employability: 'not_fit_for_now' });
      await giveConsent(cm, notNow.id, ids.org('Bäckerei'), ['contact']);
      const notFit = await cm.post('/api/proposals', { vacancyId: vacancy.id, participantId: notNow.id });
      assert.equal(notFit.statusCode, 400);
      assert.deepEqual(Object.keys(notFit.json().fields), ['employability'], notFit.body);

      const chadi = await candidate({ clause: 'permission_required' });
      const noConsent = await cm.post('/api/proposals', { vacancyId: vacancy.id, participantId: chadi.id });
      assert.equal(noConsent.statusCode, 400);
      assert.ok(noConsent.json().fields.consent, noConsent.body);

      await giveConsent(cm, chadi.id, ids.org('Bäckerei'), ['contact']);
      const made = await cm.post('/api/proposals', { vacancyId: vacancy.id, participantId: chadi.id, note: 'Sehr motiviert' });
      assert.equal(made.statusCode, 201, made.body);
      assert.deepEqual(made.json<Proposal>().flags, ['permission_required']);
      assert.equal((await cm.post('/api/proposals', { vacancyId: vacancy.id, participantId: chadi.id })).statusCode, 409);

      const plan = (await cm.get(`/api/participants/${chadi.id}/plan`)).json<{
        draft: { goals: { steps: { stepTypeKey: string }[] }[] };
      }>();
      assert.ok(
        plan.draft.goals.flatMap((g) => g.steps).some((s) => s.stepTypeKey === 'work_permission'),
        'the permission to request is a step',
      );

      // The bakery sees the permission flag only if residence is shared with it, and never the office's note.
      const seen = (await bakery.get(`/api/proposals/${made.json<Proposal>().id}`)).json<Proposal>();
      assert.deepEqual(seen.flags, []);
      assert.equal(seen.note, null);
      // A partner's caseworker without a live referral for the person cannot propose them.
      const coach = await t.as('jobcoach@lotse.example');
      assert.equal((await coach.post('/api/proposals', { vacancyId: vacancy.id, participantId: chadi.id })).statusCode, 404);
    });

    test("a job coach proposes a person of a live referral, but sees neither the employer's view nor residence facts", async () => {
      const coach = await t.as('jobcoach@lotse.example');
      const coachId = ids.user('jobcoach@lotse.example');
      const setup = await participantWithPlan(t, cm);
      const doc = await cm.post(`/api/participants/${setup.person.id}/residence-statuses`, {
        title: 'aufenthaltsgestattung',
        workClause: 'permission_required',
      });
      assert.equal(doc.statusCode, 201, doc.body);
      await giveConsent(cm, setup.person.id, ids.org('Jobcoaching'), ['contact', 'education_work']);
      const referral = await draftReferral(cm, setup, ['contact', 'education_work']);
      const sent = (await cm.post(`/api/referrals/${referral.id}/send`, { version: referral.version })).json<ReferralJson>();
      const accepted = await coach.post(`/api/referrals/${referral.id}/accept`, { version: sent.version, caseworkerId: coachId });
      assert.equal(accepted.statusCode, 200, accepted.body);
      await giveConsent(cm, setup.person.id, ids.org('Bäckerei'), ['contact', 'personal', 'residence']);

      const vacancy = await postVacancy(bakery);
      const made = await coach.post('/api/proposals', { vacancyId: vacancy.id, participantId: setup.person.id });
      assert.equal(made.statusCode, 201, made.body);
      const proposal = made.json<Proposal>();
      assert.deepEqual(proposal.flags, [], 'the work clause is residence data, not shared with the partner');
      assert.equal((await coach.get(`/api/proposals/${proposal.id}/candidate`)).statusCode, 404);
      assert.ok((await coach.get('/api/proposals')).json<Proposal[]>().some((p) => p.id === proposal.id));
      // The office sees the flag; the bakery too, as residence is consented to it.
      assert.deepEqual((await cm.get(`/api/proposals/${proposal.id}`)).json<Proposal>().flags, ['permission_required']);
      assert.deepEqual((await bakery.get(`/api/proposals/${proposal.id}`)).json<Proposal>().flags, ['permission_required']);

      // Someone the coach holds no referral for: as if they did not exist.
      const stranger = await candidate({});
      await giveConsent(cm, stranger.id, ids.org('Bäckerei'), ['contact']);
      assert.equal((await coach.post('/api/proposals', { vacancyId: vacancy.id, participantId: stranger.id })).statusCode, 404);
      // Once the referral is revoked, the coach's proposal leaves their list.
      const current = (await cm.get(`/api/referrals/${referral.id}`)).json<ReferralJson>();
      assert.equal(
        (await cm.post(`/api/referrals/${referral.id}/revoke`, { version: current.version, reason: 'Teilnahme beendet, Grund siehe Akte' }))
          .statusCode,
        200,
      );
      assert.ok(!(await coach.get('/api/proposals')).json<Proposal[]>().some((p) => p.id === proposal.id));
    });

    test('the employer sees only candidates proposed to them and only the consented categories', async () => {
      const vacancy = await postVacancy(bakery);
      const amal = await candidate({ skillIds: [skills[0]!.id] });
      const notProposed = await candidate({});
      await giveConsent(cm, amal.id, ids.org('Bäckerei'), ['contact', 'education_work']);
      await giveConsent(cm, notProposed.id, ids.org('Bäckerei'), ['contact', 'personal']);
      const proposal = (await cm.post('/api/proposals', { vacancyId: vacancy.id, participantId: amal.id })).json<Proposal>();

      const mine = (await bakery.get('/api/proposals')).json<Proposal[]>();
      assert.ok(mine.some((p) => p.id === proposal.id));
      assert.ok(!mine.some((p) => p.participantId === notProposed.id), 'a consent alone does not show a person');
      const profile = (await bakery.get(`/api/proposals/${proposal.id}/candidate`)).json();
      assert.deepEqual(profile.shared, ['contact', 'education_work']);
      assert.ok(profile.contact);
      assert.equal(profile.educationWork.skills.length, 1);
      assert.equal(profile.personal, null, 'personal data was not consented');
      assert.equal(profile.residence, null);
      await assertDenied(
        t,
        ['arbeitgeber@lotse.example'],
        [
          ['GET', `/api/participants/${amal.id}`],
          ['GET', `/api/participants/${amal.id}/intake`],
          ['GET', `/api/participants/${amal.id}/placements`],
          ['GET', `/api/participants/${amal.id}/job-profile`],
        ],
      );

      // Another employer's contact sees none of it.
      const logistics = ids.org('Wupper Logistik');
      const user = await t.database.db
        .insertInto('users')
        .values({
          network_id: ids.networkId,
          email: 'lager@logistik.example',
          display_name: 'Lager',
          password_hash: await hashPassword('lager-password-1'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.database.db
        .insertInto('memberships')
        .values({ network_id: ids.networkId, user_id: user.id, organisation_id: logistics, role: 'employer_contact' })
        .execute();
      const other = await t.as('lager@logistik.example', 'lager-password-1');
      assert.deepEqual((await other.get('/api/proposals')).json(), []);
      for (const url of [`/api/proposals/${proposal.id}`, `/api/proposals/${proposal.id}/candidate`])
        assert.equal((await other.get(url)).statusCode, 404, url);
      assert.equal(
        (await other.post(`/api/proposals/${proposal.id}/stage`, { stage: 'interview', version: proposal.version })).statusCode,
        404,
      );
      await assertDenied(
        t,
        ['pate@lotse.example', 'bericht@lotse.example', 'datenschutz@lotse.example', 'fallmanager.solingen@lotse.example'],
        [
          ['GET', `/api/proposals/${proposal.id}`],
          ['GET', `/api/proposals/${proposal.id}/candidate`],
          ['POST', `/api/proposals/${proposal.id}/stage`, { stage: 'interview', version: proposal.version }],
        ],
      );
      for (const email of ['pate@lotse.example', 'bericht@lotse.example', 'datenschutz@lotse.example'])
        assert.equal((await (await t.as(email)).get('/api/proposals')).statusCode, 403, email);

      // Withdrawing the consent closes the profile at once; the name stays on the proposal.
      const consent = (await cm.get(`/api/participants/${amal.id}/consents`)).json<{ id: string; version: number }[]>()[0]!;
      assert.equal((await cm.post(`/api/consents/${consent.id}/withdraw`, { version: consent.version })).statusCode, 200);
      const after = (await bakery.get(`/api/proposals/${proposal.id}/candidate`)).json();
      assert.deepEqual([after.shared, after.contact, after.educationWork], [[], null, null]);
    });

    test('stages move forward only, stale moves are 409, a hire through the placement fills the vacancy and closes the case', async () => {
      const vacancy = await postVacancy(bakery, { places: 1 });
      const amal = await candidate({});
      await giveConsent(cm, amal.id, ids.org('Bäckerei'), ['contact']);
      const proposal = (await cm.post('/api/proposals', { vacancyId: vacancy.id, participantId: amal.id })).json<Proposal>();

      const interview = await bakery.post(`/api/proposals/${proposal.id}/stage`, {
        stage: 'interview',
        note: 'Termin Montag',
        version: proposal.version,
      });
      assert.equal(interview.statusCode, 200, interview.body);
      assert.equal(
        (await bakery.post(`/api/proposals/${proposal.id}/stage`, { stage: 'trial_work', version: proposal.version })).statusCode,
        409,
      );
      const moved = interview.json<Proposal>();
      assert.equal(
        (await bakery.post(`/api/proposals/${proposal.id}/stage`, { stage: 'applied', version: moved.version })).statusCode,
        400,
      );
      assert.equal(
        (await bakery.post(`/api/proposals/${proposal.id}/stage`, { stage: 'withdrawn', version: moved.version })).statusCode,
        400,
      );

      const startsOn = addDays(today(), -30);
      const placement = await cm.post(`/api/participants/${amal.id}/placements`, {
        kind: 'employment',
        firstLabourMarket: true,
        employerId: ids.org('Bäckerei'),
        startsOn,
        hoursPerWeek: 30,
        occupation: 'Bäckereifachverkäuferin',
        proposalId: proposal.id,
      });
      assert.equal(placement.statusCode, 201, placement.body);
      const placed = placement.json<{ closedCase: boolean; followUps: { id: string; kind: string; dueOn: string; version: number }[] }>();
      assert.equal(placed.closedCase, true);
      assert.deepEqual(
        placed.followUps.map((f) => [f.kind, f.dueOn]),
        [
          ['day_28', addDays(startsOn, 28)],
          ['month_6', placed.followUps[1]!.dueOn],
        ],
      );
      const person = (await cm.get(`/api/participants/${amal.id}`)).json<{
        currentCase: { status: string; exitReason: string; exitDate: string };
      }>();
      assert.deepEqual(
        [person.currentCase.status, person.currentCase.exitReason, person.currentCase.exitDate],
        ['placed', 'placed_employment', startsOn],
      );
      assert.equal((await cm.get(`/api/proposals/${proposal.id}`)).json<Proposal>().stage, 'hired');
      const filled = (await cm.get(`/api/vacancies/${vacancy.id}`)).json<{ status: string; version: number }>();
      assert.equal(filled.status, 'filled');
      assert.equal((await bakery.patch(`/api/vacancies/${vacancy.id}`, { status: 'open', version: filled.version })).statusCode, 400);
      assert.equal(
        (await bakery.patch(`/api/vacancies/${vacancy.id}`, { status: 'open', places: 2, version: filled.version })).statusCode,
        200,
      );

      // The same placement again (a double submit) is a 409; a second hire for the one place too; year 0 is a 400.
      const again = await cm.post(`/api/participants/${amal.id}/placements`, {
        kind: 'employment',
        firstLabourMarket: true,
        employerId: ids.org('Bäckerei'),
        startsOn,
        occupation: 'Bäckereifachverkäuferin',
      });
      assert.equal(again.statusCode, 409, again.body);
      const second = await candidate({});
      await giveConsent(cm, second.id, ids.org('Bäckerei'), ['contact']);
      const open = await postVacancy(bakery, { places: 1 });
      const p1 = (await cm.post('/api/proposals', { vacancyId: open.id, participantId: second.id })).json<Proposal>();
      const third = await candidate({});
      await giveConsent(cm, third.id, ids.org('Bäckerei'), ['contact']);
      const p2 = (await cm.post('/api/proposals', { vacancyId: open.id, participantId: third.id })).json<Proposal>();
      assert.equal((await bakery.post(`/api/proposals/${p1.id}/stage`, { stage: 'hired', version: p1.version })).statusCode, 200);
      assert.equal((await bakery.post(`/api/proposals/${p2.id}/stage`, { stage: 'hired', version: p2.version })).statusCode, 409);
      assert.equal((await cm.put(`/api/participants/${third.id}/job-profile`, { availableFrom: '0000-01-01' })).statusCode, 400);

      // A marginal job is recorded without ending the case.
      const bilal = await candidate({});
      const minijob = await cm.post(`/api/participants/${bilal.id}/placements`, {
        kind: 'marginal_employment',
        firstLabourMarket: true,
        employerName: 'Kiosk am Markt',
        startsOn: today(),
        occupation: 'Aushilfe',
      });
      assert.equal(minijob.json<{ closedCase: boolean }>().closedCase, false);
      assert.equal(
        (await cm.get(`/api/participants/${bilal.id}`)).json<{ currentCase: { status: string } }>().currentCase.status,
        'active',
      );
      assert.equal(
        (
          await cm.post(`/api/participants/${bilal.id}/placements`, {
            kind: 'employment',
            firstLabourMarket: true,
            startsOn: today(),
            occupation: 'x',
          })
        ).statusCode,
        400,
        'an employer must be named',
      );

      // The 28-day follow-up is overdue: on the list, reminded once, then recorded.
      const due = (await cm.get('/api/placement-follow-ups/due?days=0')).json<{ id: string; participantId: string }[]>();
      const day28 = placed.followUps[0]!;
      assert.ok(due.some((d) => d.id === day28.id));
      await generateReminders(t.database.db);
      await generateReminders(t.database.db);
      const reminders = await t.database.db.selectFrom('notifications').select('kind').where('entity_id', '=', day28.id).execute();
      assert.deepEqual(
        reminders.map((r) => r.kind),
        ['follow_up_due'],
      );
      assert.equal(
        (await cm.patch(`/api/placement-follow-ups/${day28.id}`, { checkedOn: today(), stillEmployed: true, version: 99 })).statusCode,
        409,
      );
      const recorded = await cm.patch(`/api/placement-follow-ups/${day28.id}`, {
        checkedOn: today(),
        stillEmployed: true,
        version: day28.version,
      });
      assert.equal(recorded.statusCode, 200, recorded.body);
      assert.ok(!(await cm.get('/api/placement-follow-ups/due?days=0')).json<{ id: string }[]>().some((d) => d.id === day28.id));

      await assertDenied(
        t,
        [
          'fallmanager.solingen@lotse.example',
          'jobcoach@lotse.example',
          'arbeitgeber@lotse.example',
          'pate@lotse.example',
          'bericht@lotse.example',
          'datenschutz@lotse.example',
          'admin@lotse.example',
        ],
        [
          ['GET', `/api/participants/${amal.id}/placements`],
          [
            'POST',
            `/api/participants/${amal.id}/placements`,
            { kind: 'employment', firstLabourMarket: true, employerName: 'X', startsOn: today(), occupation: 'x' },
          ],
          ['PATCH', `/api/placement-follow-ups/${placed.followUps[1]!.id}`, { checkedOn: today(), stillEmployed: true, version: 1 }],
          ['GET', `/api/participants/${amal.id}/job-profile`],
          ['PUT', `/api/participants/${amal.id}/job-profile`, { reachability: 'car' }],
          ['GET', `/api/participants/${amal.id}/application-coaching`],
        ],
      );
      for (const email of ['jobcoach@lotse.example', 'arbeitgeber@lotse.example', 'pate@lotse.example']) {
        assert.ok([403, 404].includes((await (await t.as(email)).get('/api/placement-follow-ups/due')).statusCode), email);
      }
    });

    test('the job profile saves with a version, and application coaching reads the plan steps', async () => {
      const person = await candidate({});
      const first = await cm.put(`/api/participants/${person.id}/job-profile`, { reachability: 'bike', maxHoursPerWeek: 20 });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json<{ version: number }>().version, 1);
      assert.equal((await cm.put(`/api/participants/${person.id}/job-profile`, { reachability: 'car' })).statusCode, 409);
      const second = await cm.put(`/api/participants/${person.id}/job-profile`, { reachability: 'car', version: 1 });
      assert.equal(second.json<{ reachability: string; version: number }>().reachability, 'car');
      assert.equal((await cm.put(`/api/participants/${person.id}/job-profile`, { maxHoursPerWeek: 70, version: 2 })).statusCode, 400);

      const coaching = (await cm.get(`/api/participants/${person.id}/application-coaching`)).json<{
        steps: { stepTypeKey: string; status: string | null }[];
      }>();
      assert.deepEqual(
        coaching.steps.map((s) => s.stepTypeKey),
        ['cv_folder', 'cover_letter', 'online_job_search', 'interview_training'],
      );
      assert.ok(
        coaching.steps.every((s) => s.status === null),
        'no plan yet',
      );
    });
  });
}
