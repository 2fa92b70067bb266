import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertDenied, type Call } from '../../../test/support/access.ts';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { giveConsent, participantWithPlan } from '../../../test/support/cycle.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { demoIds } from '../../../test/support/factories.ts';
import { addDays, today } from '../../dates.ts';

// Enrolments as a story: Fatma (case manager) enrols people from their plan step into the
// qualification partner's course; the course fills, a waiting list forms and moves up; the
// partner records attendance, a drop out and a completion; everyone else is refused.

interface Enrolment {
  id: string;
  state: string;
  version: number;
  waitingPosition: number | null;
  participantId: string;
  person: { givenNames: string; shared: string[] | null; contact: object | null; personal: object | null };
  attendance: { status: string }[];
}

for (const kind of testDatabaseKinds()) {
  describe(`offer enrolments [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    let provider: ApiClient;
    let providerId: string;

    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
      provider = await t.as('qualifizierung@lotse.example');
      providerId = (await demoIds(t.database.db)).org('Qualifizierung');
    });
    after(() => t.close());

    async function offer(capacity: number) {
      const res = await provider.post('/api/offers', {
        providerOrganisationId: providerId,
        kind: 'qualification',
        title: `Staplerschein ${capacity}`,
        startsOn: addDays(today(), -7),
        endsOn: addDays(today(), 60),
        capacity,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<{ id: string; version: number }>();
    }
    /** A participant with a plan whose first step is the partner's, and a consent to it. */
    async function person(categories = ['contact']) {
      const setup = await participantWithPlan(t, cm, 'Qualifizierung');
      await giveConsent(cm, setup.person.id, setup.ids.org('Qualifizierung'), categories);
      return { id: setup.person.id, stepId: setup.plan.goals[0]!.steps[0]!.id };
    }
    const enrol = (offerId: string, p: { id: string; stepId: string }) =>
      cm.post(`/api/offers/${offerId}/enrolments`, { participantId: p.id, planStepId: p.stepId });
    const stepStatus = async (p: { id: string; stepId: string }) =>
      (await cm.get(`/api/participants/${p.id}/plan`)).json().current.goals[0].steps.find((s: { id: string }) => s.id === p.stepId).status;
    const list = async (client: ApiClient, offerId: string) => (await client.get(`/api/offers/${offerId}/enrolments`)).json<Enrolment[]>();

    test('no enrolment without a consent to the provider that covers contact data', async () => {
      const course = await offer(5);
      const setup = await participantWithPlan(t, cm, 'Qualifizierung');
      const p = { id: setup.person.id, stepId: setup.plan.goals[0]!.steps[0]!.id };
      const refused = await enrol(course.id, p);
      assert.equal(refused.statusCode, 400);
      assert.deepEqual(Object.keys(refused.json().fields), ['consent']);
      await giveConsent(cm, p.id, setup.ids.org('Jobcoaching'), ['contact']);
      assert.equal((await enrol(course.id, p)).statusCode, 400, 'a consent to another partner does not count');
      await giveConsent(cm, p.id, setup.ids.org('Qualifizierung'), ['personal']);
      assert.equal((await enrol(course.id, p)).statusCode, 400, 'a consent without contact data does not count');
      assert.equal((await list(provider, course.id)).length, 0);
    });

    test('enrolling from the plan step moves the step to in progress, on the timeline and in the audit, in one go', async () => {
      const course = await offer(5);
      const p = await person();
      const res = await enrol(course.id, p);
      assert.equal(res.statusCode, 201, res.body);
      const enrolment = res.json<Enrolment>();
      assert.equal(enrolment.state, 'enrolled');
      assert.equal(await stepStatus(p), 'in_progress');
      const timeline = (await cm.get(`/api/participants/${p.id}/timeline`)).json<{ kind: string }[]>().map((e) => e.kind);
      assert.ok(timeline.includes('offer.enrolled') && timeline.includes('plan.step_status'), timeline.join());
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', 'in', [enrolment.id, p.stepId])
        .execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['enrolment.create', 'plan.step_update']);
      const twice = await enrol(course.id, p);
      assert.equal(twice.statusCode, 409, 'a second live enrolment in the same offer');
      assert.equal((await cm.get(`/api/participants/${p.id}/enrolments`)).json().length, 1);
    });

    test('a full offer puts people on the waiting list in order; a cancellation and a drop out move the first up', async () => {
      const course = await offer(1);
      const [a, b, c] = [await person(), await person(), await person()];
      const first = (await enrol(course.id, a)).json<Enrolment>();
      const second = (await enrol(course.id, b)).json<Enrolment>();
      const third = (await enrol(course.id, c)).json<Enrolment>();
      assert.deepEqual([first.state, second.state, third.state], ['enrolled', 'waiting', 'waiting']);
      assert.deepEqual([second.waitingPosition, third.waitingPosition], [1, 2]);
      assert.equal(await stepStatus(b), 'open', 'waiting does not start the step');
      const summary = (await cm.get(`/api/offers/${course.id}`)).json();
      assert.deepEqual([summary.taken, summary.waiting, summary.freePlaces], [1, 2, 0]);

      const cancelled = await cm.post(`/api/enrolments/${first.id}/cancel`, { version: first.version, reason: 'Hat eine Arbeit gefunden' });
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(await stepStatus(a), 'open', 'a cancellation reopens the step');
      let now = await list(provider, course.id);
      assert.deepEqual(
        now.map((e) => [e.participantId, e.state, e.waitingPosition]),
        [
          [a.id, 'cancelled', null],
          [b.id, 'enrolled', null],
          [c.id, 'waiting', 1],
        ],
      );
      assert.equal(await stepStatus(b), 'in_progress', 'moving up starts the step');
      assert.ok((await cm.get(`/api/participants/${b.id}/timeline`)).json().some((e: { kind: string }) => e.kind === 'offer.moved_up'));

      const bNow = now.find((e) => e.participantId === b.id)!;
      const dropped = await provider.post(`/api/enrolments/${bNow.id}/drop-out`, {
        version: bNow.version,
        droppedOn: today(),
        reason: 'Umzug',
      });
      assert.equal(dropped.statusCode, 200, dropped.body);
      assert.equal(await stepStatus(b), 'dropped');
      now = await list(provider, course.id);
      const cNow = now.find((e) => e.participantId === c.id)!;
      assert.equal(cNow.state, 'enrolled');

      const completeBody = { version: cNow.version, completedOn: today(), certificate: true, certificateName: 'Staplerschein' };
      const done = await provider.post(`/api/enrolments/${cNow.id}/complete`, completeBody);
      assert.equal(done.statusCode, 200, done.body);
      assert.deepEqual(
        [done.json().state, done.json().certificateName, done.json().certificateOn],
        ['completed', 'Staplerschein', today()],
      );
      assert.equal(await stepStatus(c), 'done');
      assert.equal((await provider.post(`/api/enrolments/${cNow.id}/complete`, completeBody)).statusCode, 409, 'stale version');
    });

    test('two enrolments racing for the last place: one gets it, the other waits', async () => {
      const course = await offer(2);
      await enrol(course.id, await person());
      const [x, y] = [await person(), await person()];
      const results = await Promise.all([enrol(course.id, x), enrol(course.id, y)]);
      assert.deepEqual(
        results.map((r) => r.statusCode),
        [201, 201],
      );
      assert.deepEqual(results.map((r) => r.json<Enrolment>().state).sort(), ['enrolled', 'waiting']);
      const summary = (await cm.get(`/api/offers/${course.id}`)).json();
      assert.deepEqual([summary.taken, summary.waiting], [2, 1]);
      // More places move the waiting person up at once.
      const wider = await provider.patch(`/api/offers/${course.id}`, { capacity: 3, version: summary.version });
      assert.deepEqual([wider.json().taken, wider.json().waiting], [3, 0]);
      const fewer = await provider.patch(`/api/offers/${course.id}`, { capacity: 2, version: wider.json().version });
      assert.deepEqual(Object.keys(fewer.json().fields), ['capacity']);
    });

    test('the provider sees its own participants with what the consent covers; attendance per session date', async () => {
      const course = await offer(5);
      const p = await person(['contact']);
      const enrolment = (await enrol(course.id, p)).json<Enrolment>();
      const [seen] = await list(provider, course.id);
      assert.deepEqual(seen!.person.shared, ['contact']);
      assert.ok(seen!.person.contact);
      assert.equal(seen!.person.personal, null, 'no consent to personal data');
      assert.equal((await list(cm, course.id))[0]!.person.shared, null, 'the office sees its case file');
      assert.deepEqual(
        await list(await t.as('fallmanager.solingen@lotse.example'), course.id),
        [],
        "another office's case manager sees none",
      );

      const put = (date: string, body: object) => provider.put(`/api/enrolments/${enrolment.id}/attendance/${date}`, body);
      const first = await put(today(), { status: 'present' });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal((await put(today(), { status: 'absent' })).statusCode, 409, 'a re-save must name the version');
      assert.equal((await put(today(), { status: 'excused', version: first.json().version })).json().status, 'excused');
      assert.equal((await put(addDays(today(), -30), { status: 'present' })).statusCode, 400, 'before the offer started');
      assert.equal((await put(addDays(today(), 1), { status: 'present' })).statusCode, 400, 'in the future');
      assert.equal((await put(today(), { status: 'late' })).statusCode, 400);
      assert.deepEqual(
        (await list(cm, course.id))[0]!.attendance.map((a) => a.status),
        ['excused'],
      );

      // Withdrawing the consent closes the view at once; the name stays.
      const consent = (await cm.get(`/api/participants/${p.id}/consents`))
        .json()
        .find((c: { recipientOrganisationId: string }) => c.recipientOrganisationId === providerId);
      assert.equal((await cm.post(`/api/consents/${consent.id}/withdraw`, { version: consent.version })).statusCode, 200);
      const after = (await list(provider, course.id))[0]!;
      assert.deepEqual([after.person.shared, after.person.contact, after.person.givenNames.length > 0], [[], null, true]);
    });

    test('every other role is refused, and each side may do only its part', async () => {
      const course = await offer(5);
      const p = await person();
      const enrolment = (await enrol(course.id, p)).json<Enrolment>();
      const v = { version: enrolment.version };
      const calls: Call[] = [
        ['POST', `/api/offers/${course.id}/enrolments`, { participantId: p.id }],
        ['GET', `/api/participants/${p.id}/enrolments`],
        ['POST', `/api/enrolments/${enrolment.id}/cancel`, v],
        ['POST', `/api/enrolments/${enrolment.id}/drop-out`, { ...v, droppedOn: today() }],
        ['POST', `/api/enrolments/${enrolment.id}/complete`, { ...v, completedOn: today(), certificate: false }],
        ['PUT', `/api/enrolments/${enrolment.id}/attendance/${today()}`, { status: 'present' }],
      ];
      const others = [
        'admin@lotse.example',
        'jobcoach@lotse.example',
        'pate@lotse.example',
        'arbeitgeber@lotse.example',
        'bericht@lotse.example',
        'datenschutz@lotse.example',
        'fallmanager.solingen@lotse.example',
      ];
      await assertDenied(t, others, calls);
      await assertDenied(t, others.slice(0, 6), [['GET', `/api/offers/${course.id}/enrolments`]]);
      // The provider runs the course but does not enrol or cancel; the office does not record the course.
      await assertDenied(t, ['qualifizierung@lotse.example'], calls.slice(0, 3));
      await assertDenied(t, ['fallmanager@lotse.example'], calls.slice(3));
      assert.equal((await list(cm, course.id))[0]!.state, 'enrolled', 'nothing changed');
    });

    test('bad input is a 400 per field', async () => {
      const course = await offer(5);
      const p = await person();
      const fields = (res: Awaited<ReturnType<ApiClient['post']>>) => Object.keys(res.json().fields ?? {}).sort();
      assert.deepEqual(fields(await cm.post(`/api/offers/${course.id}/enrolments`, { participantId: 'amal' })), ['participantId']);
      assert.deepEqual(
        fields(await cm.post(`/api/offers/${course.id}/enrolments`, { participantId: p.id, planStepId: crypto.randomUUID() })),
        ['planStepId'],
      );
      assert.equal((await cm.post(`/api/offers/${crypto.randomUUID()}/enrolments`, { participantId: p.id })).statusCode, 404);
      const enrolment = (await enrol(course.id, p)).json<Enrolment>();
      const post = (path: string, body: object) =>
        provider.post(`/api/enrolments/${enrolment.id}/${path}`, { version: enrolment.version, ...body });
      assert.deepEqual(fields(await post('complete', { completedOn: today(), certificate: true })), ['certificateName']);
      assert.deepEqual(fields(await post('drop-out', { droppedOn: addDays(today(), 3) })), ['droppedOn']);
      assert.equal((await provider.put(`/api/enrolments/${enrolment.id}/attendance/gestern`, { status: 'present' })).statusCode, 400);
    });
  });
}
