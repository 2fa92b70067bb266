import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { draftReferral, giveConsent, participantWithPlan, type ReferralJson } from '../../../test/support/cycle.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';

type Appointment = { id: string; kind: string; startsAt: string; version: number; state: string; participantName: string };

for (const kind of testDatabaseKinds()) {
  describe(`appointments, calendar feed and the week [${kind}]`, () => {
    let t: TestApp;
    let cm: ApiClient;
    let partner: ApiClient;
    let admin: ApiClient;
    let jobcoachId: string;
    before(async () => {
      t = await startTestApp(kind);
      cm = await t.as('fallmanager@lotse.example');
      partner = await t.as('jobcoach@lotse.example');
      admin = await t.as('admin@lotse.example');
      jobcoachId = (
        await t.database.db.selectFrom('users').select('id').where('email', '=', 'jobcoach@lotse.example').executeTakeFirstOrThrow()
      ).id;
    });
    after(() => t.close());

    /** A participant referred to Jobcoaching and accepted, starting on `startsOn`. */
    async function acceptedReferral(startsOn?: string) {
      const setup = await participantWithPlan(t, cm);
      await giveConsent(cm, setup.person.id, setup.ids.org('Jobcoaching'), ['contact']);
      const draft = await draftReferral(cm, setup, ['contact']);
      let version = draft.version;
      if (startsOn)
        version = (await cm.patch(`/api/referrals/${draft.id}`, { version, startsOn, endsOn: addMonths(startsOn, 6) })).json<ReferralJson>()
          .version;
      const sent = await cm.post(`/api/referrals/${draft.id}/send`, { version });
      const accepted = await partner.post(`/api/referrals/${draft.id}/accept`, {
        version: sent.json<ReferralJson>().version,
        caseworkerId: jobcoachId,
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      return { setup, referral: accepted.json<ReferralJson & { startsOn: string; endsOn: string }>() };
    }
    const addMonths = (date: string, n: number) => {
      const d = new Date(`${date}T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() + n);
      return d.toISOString().slice(0, 10);
    };

    test('the network’s rule places the appointments: weekdays at 10:00 in Germany, the conference weeks before the end', async () => {
      const rules = await admin.put('/api/cycle-rules', { cycleMonths: 6, exchangeAfterMonths: [1, 3, 5], conferenceWeeksBefore: 3 });
      assert.equal(rules.statusCode, 200, rules.body);
      try {
        const start = addMonths(new Date().toISOString().slice(0, 10), 1);
        const { referral } = await acceptedReferral(start);
        const list = (await cm.get(`/api/appointments?referralId=${referral.id}`)).json<Appointment[]>();
        assert.deepEqual(
          list.map((a) => a.kind),
          ['exchange', 'exchange', 'exchange', 'case_conference'],
        );
        for (const a of list) {
          const at = new Date(a.startsAt);
          assert.ok(at.getUTCDay() >= 1 && at.getUTCDay() <= 5, `${a.startsAt} is a weekday`);
          const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(at);
          assert.equal(berlin, '10:00');
        }
        const conference = new Date(list[3]!.startsAt).getTime();
        const end = new Date(`${referral.endsOn}T00:00:00Z`).getTime();
        const weeksBefore = (end - conference) / (7 * 86400_000);
        assert.ok(weeksBefore > 2.5 && weeksBefore <= 3.1, `conference ${weeksBefore} weeks before the end`);
      } finally {
        await admin.put('/api/cycle-rules', { cycleMonths: 6, exchangeAfterMonths: [2, 4], conferenceWeeksBefore: 4 });
      }
      assert.equal(
        (await admin.put('/api/cycle-rules', { cycleMonths: 6, exchangeAfterMonths: [7], conferenceWeeksBefore: 4 })).statusCode,
        400,
      );
      assert.equal(
        (await cm.put('/api/cycle-rules', { cycleMonths: 3, exchangeAfterMonths: [1], conferenceWeeksBefore: 2 })).statusCode,
        403,
      );
    });

    test('both sides hold, move and cancel; a stale version is a conflict; minutes are kept', async () => {
      const { referral } = await acceptedReferral();
      const [first] = (await cm.get(`/api/appointments?referralId=${referral.id}`)).json<Appointment[]>();
      const held = await cm.patch(`/api/appointments/${first!.id}`, {
        version: first!.version,
        state: 'held',
        minutes: 'Bewerbungsmappe besprochen',
      });
      assert.equal(held.statusCode, 200, held.body);
      const stale = await partner.patch(`/api/appointments/${first!.id}`, { version: first!.version, state: 'cancelled' });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().current.state, 'held');
      const added = await partner.post(`/api/referrals/${referral.id}/appointments`, {
        startsAt: '2027-02-03T09:00:00+01:00',
        durationMinutes: 45,
        location: 'Telefon',
      });
      assert.equal(added.statusCode, 201, added.body);
      const bad = await partner.post(`/api/referrals/${referral.id}/appointments`, { startsAt: 'next tuesday', durationMinutes: 45 });
      assert.equal(bad.statusCode, 400);
      const outside = await partner.post(`/api/referrals/${referral.id}/appointments`, {
        startsAt: '2031-01-06T10:00:00+01:00',
        durationMinutes: 60,
      });
      assert.equal(outside.statusCode, 400, 'an appointment falls inside its cycle');
    });

    test('the calendar feed: a secret URL with initials, not names; revoking or renewing it ends the old one', async () => {
      const { setup, referral } = await acceptedReferral();
      const person = (await cm.get(`/api/participants/${setup.person.id}`)).json<{ givenNames: string; familyName: string }>();
      const created = await partner.post('/api/calendar-feed');
      assert.equal(created.statusCode, 200, created.body);
      const url = new URL(created.json<{ url: string }>().url);
      const anonymous = t.anonymous();
      const feed = await anonymous.get(url.pathname);
      assert.equal(feed.statusCode, 200, feed.body);
      assert.match(feed.headers['content-type'] as string, /text\/calendar/);
      assert.match(feed.body, /BEGIN:VEVENT/);
      assert.ok(feed.body.includes(`${person.givenNames[0]}. ${person.familyName[0]}.`.toUpperCase()));
      assert.ok(!feed.body.includes(person.familyName), 'no full names in the feed');
      assert.ok(feed.body.includes('Fallbesprechung'));
      assert.ok(feed.body.includes(referral.id) === false);
      assert.equal((await partner.get('/api/calendar-feed')).json<{ active: boolean }>().active, true);

      const renewed = await partner.post('/api/calendar-feed');
      assert.equal((await anonymous.get(url.pathname)).statusCode, 404, 'the old link is dead');
      const revoked = await partner.delete('/api/calendar-feed');
      assert.equal(revoked.json<{ active: boolean }>().active, false);
      assert.equal((await anonymous.get(new URL(renewed.json<{ url: string }>().url).pathname)).statusCode, 404);
      assert.equal((await anonymous.get('/api/calendar/not-a-token.ics')).statusCode, 400);
      const reads = await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'calendar.feed_read').execute();
      assert.ok(reads.length >= 1);
    });

    test('the week: the case manager’s due steps and waiting referrals, the partner’s tasks and new referrals', async () => {
      const { setup, referral } = await acceptedReferral();
      const waiting = await draftReferral(cm, setup, ['contact']);
      await cm.post(`/api/referrals/${waiting.id}/send`, { version: waiting.version });

      const mine = (await cm.get('/api/my-week?days=7')).json();
      assert.ok(
        mine.due.some(
          (d: { kind: string; participantId: string; text: string }) =>
            d.kind === 'step' && d.participantId === setup.person.id && d.text === 'Lebenslauf auf Deutsch',
        ),
      );
      assert.ok(mine.referrals.some((r: { id: string }) => r.id === waiting.id));

      const theirs = (await partner.get('/api/my-week?days=7')).json();
      assert.ok(theirs.due.some((d: { kind: string; referralId: string }) => d.kind === 'task' && d.referralId === referral.id));
      assert.ok(
        theirs.referrals.some((r: { id: string }) => r.id === waiting.id),
        'new referral in the inbox',
      );
      assert.ok(theirs.conferences.length === 0 || theirs.conferences.every((c: { kind: string }) => c.kind === 'case_conference'));
      assert.deepEqual(theirs.deadlines, []);
      // Another partner's caseworker sees none of it.
      const other = (await (await t.as('qualifizierung@lotse.example')).get('/api/my-week')).json();
      assert.ok(!JSON.stringify(other).includes(setup.person.id));
    });
  });
}
