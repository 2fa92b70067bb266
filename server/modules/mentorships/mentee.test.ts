import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { demoIds } from '../../../test/support/factories.ts';
import { createMentee, createMentorLogin, createVolunteer, MENTOR_PASSWORD, today } from '../../../test/support/mentors.ts';

// Peter, a volunteer mentor, logs in and sees his mentee: her name, her phone while her
// consent covers contact, their agreed meetings and his notes; he records a meeting with
// its hours. He sees nothing of her case file, and Aylin, the other mentor, sees nothing of
// Peter's mentee. When the mentorship ends, so does his view.

interface Meeting {
  id: string;
  status: string;
  hours: number | null;
  version: number;
  note: string;
}
interface Mentee {
  mentorshipId: string;
  name: string;
  contact: { phone: string | null; email: string | null } | null;
  meetings: Meeting[];
  hours: number;
}
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

for (const kind of testDatabaseKinds()) {
  describe(`the mentor's own view [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    let peter: ApiClient;
    let aylin: ApiClient;
    let person: Awaited<ReturnType<typeof createMentee>>;
    let mentorshipId: string;

    before(async () => {
      t = await startTestApp(kind);
      const ids = await demoIds(t.database.db);
      const groupId = ids.org('Berufspaten');
      const admin = await t.as('admin@lotse.example');
      cm = await t.as('fallmanager@lotse.example');
      const peterProfile = await createVolunteer(admin, groupId, { userId: ids.user('pate@lotse.example'), displayName: 'Peter Hoffmann' });
      const aylinId = await createMentorLogin(admin, groupId, 'aylin.patin@lotse.example', 'Aylin Demir');
      const aylinProfile = await createVolunteer(admin, groupId, { userId: aylinId, displayName: 'Aylin Demir' });
      person = await createMentee(t, cm, groupId);
      const m = await cm.post('/api/mentorships', { participantId: person.id, volunteerId: peterProfile.id, startsOn: today() });
      assert.equal(m.statusCode, 201, m.body);
      mentorshipId = m.json<{ id: string }>().id;
      // Aylin mentors someone else, so her list is not empty by accident.
      const hers = await createMentee(t, cm, groupId);
      assert.equal(
        (await cm.post('/api/mentorships', { participantId: hers.id, volunteerId: aylinProfile.id, startsOn: today() })).statusCode,
        201,
      );
      peter = await t.as('pate@lotse.example');
      aylin = await t.as('aylin.patin@lotse.example', MENTOR_PASSWORD);
    });
    after(() => t.close());

    test('the mentor sees only his mentee, with contact details, and every read is audited', async () => {
      const list = await peter.get('/api/mentor/mentees');
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(
        list.json().items.map((i: { mentorshipId: string }) => i.mentorshipId),
        [mentorshipId],
      );
      const res = await peter.get(`/api/mentor/mentees/${mentorshipId}`);
      assert.equal(res.statusCode, 200, res.body);
      const mentee = res.json<Mentee & Record<string, unknown>>();
      assert.deepEqual(mentee.contact, { phone: '0202 555 0101', email: 'mentee@example.org' });
      for (const field of ['birthDate', 'residence', 'intake', 'plan', 'officeId', 'participantId', 'caseStatus', 'nationality'])
        assert.equal(field in mentee, false, `${field} never reaches the mentor`);
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('entity_id', '=', person.id)
        .where('action', '=', 'mentee.read')
        .execute();
      assert.deepEqual(audit[0]!.details, { mentorshipId, contactShown: true });
      const listed = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'mentee.list').execute();
      assert.ok(listed.some((a) => (a.details as { ids: string[] }).ids.includes(person.id)));
    });

    test('nothing of the case file: participant, intake, plan, residence, employability, referrals, consents, timeline', async () => {
      for (const path of [
        '',
        '/intake',
        '/plan',
        '/residence-statuses',
        '/employability-check',
        '/referrals',
        '/consents',
        '/timeline',
        '/job-profile',
      ]) {
        const res = await peter.get(`/api/participants/${person.id}${path}`);
        assert.ok(
          [403, 404].includes(res.statusCode),
          `GET /api/participants/:id${path} must be denied to the mentor, got ${res.statusCode}`,
        );
      }
      for (const path of [
        '/api/participants',
        '/api/referrals',
        '/api/mentorships',
        `/api/mentorships/${mentorshipId}`,
        '/api/volunteers',
      ]) {
        const res = await peter.get(path);
        assert.ok([403, 404].includes(res.statusCode), `GET ${path} must be denied to the mentor, got ${res.statusCode}`);
      }
    });

    test("another mentor's mentee is a 404 for Aylin, to read and to record a meeting; her list holds only her own", async () => {
      assert.equal((await aylin.get(`/api/mentor/mentees/${mentorshipId}`)).statusCode, 404);
      assert.equal((await aylin.post(`/api/mentor/mentees/${mentorshipId}/meetings`, { meetsOn: today() })).statusCode, 404);
      const hers = (await aylin.get('/api/mentor/mentees')).json<{ items: { mentorshipId: string }[] }>();
      assert.equal(hers.items.length, 1);
      assert.notEqual(hers.items[0]!.mentorshipId, mentorshipId);
      for (const email of ['fallmanager@lotse.example', 'admin@lotse.example', 'jobcoach@lotse.example', 'bericht@lotse.example']) {
        const other = await t.as(email);
        assert.equal((await other.get('/api/mentor/mentees')).statusCode, 403, `${email} has no mentees`);
        assert.equal((await other.get(`/api/mentor/mentees/${mentorshipId}`)).statusCode, 403, email);
      }
    });

    test('he plans a meeting and records one held with hours; bad input is 400, a stale save 409; the office sees the log and hours', async () => {
      const planned = await peter.post(`/api/mentor/mentees/${mentorshipId}/meetings`, {
        meetsOn: inDays(7),
        startsAt: '17:30',
        place: 'Stadtbibliothek',
      });
      assert.equal(planned.statusCode, 201, planned.body);
      const meeting = planned.json<Meeting & { startsAt: string }>();
      assert.deepEqual([meeting.status, meeting.hours, meeting.startsAt], ['planned', null, '17:30']);
      const held = await peter.post(`/api/mentor/mentees/${mentorshipId}/meetings`, {
        meetsOn: today(),
        status: 'held',
        hours: 1.5,
        note: 'Lebenslauf besprochen',
      });
      assert.equal(held.statusCode, 201, held.body);

      const noHours = await peter.post(`/api/mentor/mentees/${mentorshipId}/meetings`, { meetsOn: today(), status: 'held' });
      assert.equal(noHours.statusCode, 400);
      assert.ok(noHours.json().fields.hours);
      const future = await peter.post(`/api/mentor/mentees/${mentorshipId}/meetings`, { meetsOn: inDays(3), status: 'held', hours: 2 });
      assert.equal(future.statusCode, 400);
      const bad = await peter.post(`/api/mentor/mentees/${mentorshipId}/meetings`, { meetsOn: 'morgen', hours: -1, startsAt: '25:00' });
      assert.equal(bad.statusCode, 400);
      for (const f of ['meetsOn', 'hours', 'startsAt']) assert.ok(bad.json().fields[f], f);

      const done = await peter.patch(`/api/mentor/meetings/${meeting.id}`, {
        status: 'held',
        meetsOn: today(),
        hours: 2,
        version: meeting.version,
      });
      assert.equal(done.statusCode, 200, done.body);
      const stale = await peter.patch(`/api/mentor/meetings/${meeting.id}`, { note: 'alt', version: meeting.version });
      assert.equal(stale.statusCode, 409);
      assert.equal((await aylin.patch(`/api/mentor/meetings/${meeting.id}`, { note: 'x', version: meeting.version + 1 })).statusCode, 404);

      const mine = (await peter.get(`/api/mentor/mentees/${mentorshipId}`)).json<Mentee>();
      assert.equal(mine.hours, 3.5);
      assert.equal(mine.meetings.length, 2);
      const log = (await cm.get(`/api/mentorships/${mentorshipId}`)).json<{ hours: number; meetings: Meeting[] }>();
      assert.equal(log.hours, 3.5);
      assert.deepEqual(log.meetings.map((m) => m.note).sort(), ['', 'Lebenslauf besprochen']);
      const hours = await cm.get(`/api/mentorships/hours?from=${inDays(-30)}&to=${today()}`);
      assert.equal(hours.statusCode, 200, hours.body);
      const row = hours.json().items.find((i: { volunteerName: string }) => i.volunteerName === 'Peter Hoffmann');
      assert.deepEqual([row.meetings, row.hours], [2, 3.5]);
      assert.equal((await cm.get(`/api/mentorships/hours?from=${today()}&to=${inDays(-1)}`)).statusCode, 400);
      for (const email of ['bericht@lotse.example', 'jobcoach@lotse.example', 'pate@lotse.example', 'datenschutz@lotse.example']) {
        const other = await t.as(email);
        assert.equal((await other.get(`/api/mentorships/hours?from=${today()}&to=${today()}`)).statusCode, 403, email);
      }
    });

    test('a withdrawn consent hides the contact at once; the end of the mentorship ends his view', async () => {
      const withdrawn = await cm.post(`/api/consents/${person.consent!.id}/withdraw`, { version: person.consent!.version });
      assert.equal(withdrawn.statusCode, 200, withdrawn.body);
      const mentee = (await peter.get(`/api/mentor/mentees/${mentorshipId}`)).json<Mentee>();
      assert.equal(mentee.contact, null);
      assert.equal(mentee.name.length > 0, true);
      const current = (await cm.get(`/api/mentorships/${mentorshipId}`)).json<{ version: number }>();
      const ended = await cm.post(`/api/mentorships/${mentorshipId}/end`, {
        endsOn: today(),
        endReason: 'participant_left',
        version: current.version,
      });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.equal((await peter.get(`/api/mentor/mentees/${mentorshipId}`)).statusCode, 404);
      assert.equal((await peter.post(`/api/mentor/mentees/${mentorshipId}/meetings`, { meetsOn: today() })).statusCode, 404);
      assert.equal((await peter.get('/api/mentor/mentees')).json().items.length, 0);
    });
  });
}
