import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertDenied } from '../../../test/support/access.ts';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createOtherNetwork, demoIds } from '../../../test/support/factories.ts';
import { createMentee, createVolunteer, today, type VolunteerJson } from '../../../test/support/mentors.ts';

// The case manager of Wuppertal looks for a mentor for a person: only onboarded volunteers
// with a free place are suggested, with reasons; a mentorship needs the person's consent to
// the volunteer group; it is started, its goals kept, ended with a reason. No one but the
// office sees it (the mentor's own view is mentee.test.ts).

interface Mentorship {
  id: string;
  version: number;
  participantName: string;
  volunteerName: string;
  endsOn: string | null;
  hours: number;
}
interface Suggestion {
  volunteerId: string;
  score: number;
  reasons: { languages: string[]; occupation: string | null; distanceKm: number | null; freeCapacity: number };
}

for (const kind of testDatabaseKinds()) {
  describe(`mentorships [${kind}]`, () => {
    let t: TestApp;
    let admin: ApiClient;
    let cm: ApiClient;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    let groupId: string;
    let peter: VolunteerJson;
    let unsigned: VolunteerJson;
    let far: VolunteerJson;
    const start = (participantId: string, volunteerId: string, extra: Record<string, unknown> = {}) =>
      cm.post('/api/mentorships', { participantId, volunteerId, startsOn: today(), goals: 'Bewerbungen üben', ...extra });

    before(async () => {
      t = await startTestApp(kind);
      ids = await demoIds(t.database.db);
      groupId = ids.org('Berufspaten');
      admin = await t.as('admin@lotse.example');
      cm = await t.as('fallmanager@lotse.example');
      peter = await createVolunteer(admin, groupId, {
        userId: ids.user('pate@lotse.example'),
        displayName: 'Peter Hoffmann',
        languages: ['arabisch', 'englisch'],
        profession: 'Elektromeister',
        postcode: '42103',
        maxMentees: 2,
      });
      unsigned = await createVolunteer(admin, groupId, { displayName: 'Ulla Unterschrift', agreementSignedOn: null, languages: ['ar'] });
      far = await createVolunteer(admin, groupId, { displayName: 'Frank Fern', postcode: '33098', languages: ['türkisch'] });
    });
    after(() => t.close());

    test('suggestions: onboarded volunteers with a free place, best first, each with its reasons; audited', async () => {
      const person = await createMentee(t, cm, groupId);
      const res = await cm.get(`/api/participants/${person.id}/mentor-suggestions`);
      assert.equal(res.statusCode, 200, res.body);
      const list = res.json<Suggestion[]>();
      assert.deepEqual(
        list.map((s) => s.volunteerId),
        [peter.id, far.id],
        'the volunteer without a signed agreement is not suggested',
      );
      assert.deepEqual(list[0]!.reasons.languages, ['arabisch']);
      assert.equal(list[0]!.reasons.occupation, 'Elektroinstallation');
      assert.ok(list[0]!.reasons.distanceKm! < 10);
      assert.equal(list[0]!.reasons.freeCapacity, 2);
      assert.ok(list[1]!.reasons.distanceKm! > 100 && list[1]!.score < list[0]!.score);
      const audit = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'mentorship.suggest').execute();
      assert.deepEqual(audit.at(-1)!.details, { volunteerIds: [peter.id, far.id] });
      assert.notEqual(unsigned.onboardingGaps.length, 0);
    });

    test('refused clearly: without consent to the group, without contact in it, with a volunteer not onboarded or not active', async () => {
      const none = await createMentee(t, cm, groupId, null);
      const noConsent = await start(none.id, peter.id);
      assert.equal(noConsent.statusCode, 400);
      assert.match(noConsent.json().fields.participantId[0], /consent.*Berufspaten/);
      const personalOnly = await createMentee(t, cm, groupId, ['personal']);
      assert.equal((await start(personalOnly.id, peter.id)).statusCode, 400, 'the consent must cover contact details');
      const person = await createMentee(t, cm, groupId);
      const notOnboarded = await start(person.id, unsigned.id);
      assert.equal(notOnboarded.statusCode, 400);
      assert.deepEqual(notOnboarded.json().fields.volunteerId, ['The volunteering agreement is not signed']);
      const paused = await createVolunteer(admin, groupId, { displayName: 'Paula Pause', status: 'paused' });
      assert.equal((await start(person.id, paused.id)).statusCode, 400);
      const apprenticeship = await start(person.id, peter.id, { kind: 'apprenticeship' });
      assert.equal(apprenticeship.statusCode, 400, 'an apprenticeship mentorship names the company');
      assert.ok(apprenticeship.json().fields.employerId);
      const bad = await cm.post('/api/mentorships', { participantId: 'nope', volunteerId: peter.id, startsOn: '2026-02-30', kind: 'x' });
      assert.equal(bad.statusCode, 400);
      for (const f of ['participantId', 'startsOn', 'kind']) assert.ok(bad.json().fields[f], f);
      assert.equal((await cm.get(`/api/mentorships?participantId=${person.id}`)).json().total, 0, 'nothing was stored');
    });

    test('started, listed and read with its log, goals kept (stale is 409), ended with a reason; capacity counts running ones', async () => {
      const person = await createMentee(t, cm, groupId);
      const res = await start(person.id, peter.id, { kind: 'apprenticeship', employerId: ids.org('Bäckerei') });
      assert.equal(res.statusCode, 201, res.body);
      const m = res.json<Mentorship & { employerName: string }>();
      assert.deepEqual([m.volunteerName, m.employerName, m.endsOn, m.hours], ['Peter Hoffmann', 'Bäckerei Sonnenschein GmbH', null, 0]);
      assert.equal((await start(person.id, peter.id)).statusCode, 400, 'one running mentorship per volunteer and person');
      assert.equal((await cm.get(`/api/volunteers/${peter.id}`)).json().activeMentorships, 1);

      const list = (await cm.get(`/api/mentorships?status=running&q=${encodeURIComponent('hoffmann')}&sort=participant`)).json();
      assert.ok(list.items.some((i: Mentorship) => i.id === m.id));
      const detail = (await cm.get(`/api/mentorships/${m.id}`)).json<Mentorship & { meetings: unknown[] }>();
      assert.deepEqual(detail.meetings, []);

      const goals = await cm.patch(`/api/mentorships/${m.id}`, { goals: 'Prüfungsvorbereitung', version: m.version });
      assert.equal(goals.statusCode, 200, goals.body);
      const stale = await cm.patch(`/api/mentorships/${m.id}`, { goals: 'Alt', version: m.version });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().current.goals, 'Prüfungsvorbereitung');

      const future = await cm.post(`/api/mentorships/${m.id}/end`, { endsOn: '2099-01-01', endReason: 'placed', version: m.version + 1 });
      assert.equal(future.statusCode, 400);
      const badReason = await cm.post(`/api/mentorships/${m.id}/end`, { endsOn: today(), endReason: 'bored', version: m.version + 1 });
      assert.equal(badReason.statusCode, 400);
      const ended = await cm.post(`/api/mentorships/${m.id}/end`, { endsOn: today(), endReason: 'goals_reached', version: m.version + 1 });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.equal(ended.json().endReason, 'goals_reached');
      assert.equal((await cm.get(`/api/volunteers/${peter.id}`)).json().activeMentorships, 0);
      assert.equal((await cm.get(`/api/mentorships?status=ended&participantId=${person.id}`)).json().total, 1);
      const audit = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', m.id).orderBy('seq').execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['mentorship.create', 'mentorship.read', 'mentorship.update', 'mentorship.end'],
      );
    });

    test('a full volunteer is refused and no longer suggested', async () => {
      const small = await createVolunteer(admin, groupId, { displayName: 'Sabine Single', maxMentees: 1, postcode: '42105' });
      const first = await createMentee(t, cm, groupId);
      assert.equal((await start(first.id, small.id)).statusCode, 201);
      const second = await createMentee(t, cm, groupId);
      const full = await start(second.id, small.id);
      assert.equal(full.statusCode, 400);
      assert.match(full.json().fields.volunteerId[0], /Mentors 1/);
      const suggested = (await cm.get(`/api/participants/${second.id}/mentor-suggestions`)).json<Suggestion[]>();
      assert.ok(!suggested.some((s) => s.volunteerId === small.id));
    });

    test("every other role is denied: the other office's case manager, admin, partner, employer, mentor, analyst, DPO; another network", async () => {
      const person = await createMentee(t, cm, groupId);
      const m = (await start(person.id, far.id)).json<Mentorship>();
      const calls = [
        ['GET', `/api/mentorships/${m.id}`],
        ['PATCH', `/api/mentorships/${m.id}`, { goals: 'x', version: m.version }],
        ['POST', `/api/mentorships/${m.id}/end`, { endsOn: today(), endReason: 'other', version: m.version }],
        ['POST', '/api/mentorships', { participantId: person.id, volunteerId: peter.id, startsOn: today() }],
        ['GET', `/api/participants/${person.id}/mentor-suggestions`],
      ] as const;
      await assertDenied(
        t,
        [
          'admin@lotse.example',
          'jobcoach@lotse.example',
          'arbeitgeber@lotse.example',
          'pate@lotse.example',
          'bericht@lotse.example',
          'datenschutz@lotse.example',
        ],
        [['GET', '/api/mentorships'], ...calls],
      );
      await assertDenied(t, ['fallmanager.solingen@lotse.example'], calls);
      const solingen = await t.as('fallmanager.solingen@lotse.example');
      assert.equal((await solingen.get('/api/mentorships')).json().total, 0, "the other office's list is empty");
      const other = await createOtherNetwork(t.database.db);
      const otherCm = await t.as(other.caseManagerEmail, 'other-network-password');
      assert.equal((await otherCm.get(`/api/mentorships/${m.id}`)).statusCode, 404);
      const stillRunning = (await cm.get(`/api/mentorships/${m.id}`)).json<Mentorship>();
      assert.deepEqual([stillRunning.version, stillRunning.endsOn], [m.version, null], 'no denied call changed anything');
    });
  });
}
