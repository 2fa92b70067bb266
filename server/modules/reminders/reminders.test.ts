import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Transporter } from 'nodemailer';
import { startTestApp, type ApiClient, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { demoIds } from '../../../test/support/factories.ts';
import { createParticipant } from '../../../test/support/participants.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { openDatabase, type Database, type Db } from '../../db/database.ts';
import { createMailTransport } from './mailer.ts';
import { generateReminders, localDate, sendPendingEmails } from './reminders.service.ts';
import { startReminderWorker } from './reminders.worker.ts';

const DAY = 86400_000;
const today = () => localDate(new Date());
const inDays = (n: number) => localDate(new Date(Date.now() + n * DAY));
const inHours = (n: number) => new Date(Date.now() + n * 3600_000);
const silent = { info: () => {}, warn: () => {}, error: () => {} };

for (const kind of testDatabaseKinds()) {
  describe(`reminders in the app and by email [${kind}]`, () => {
    let t: TestApp;
    let db: Db;
    let cm: ApiClient;
    let smtp: TestSmtpServer;
    let transport: Transporter;
    let ids: Awaited<ReturnType<typeof demoIds>>;
    let person: { id: string; givenNames: string; familyName: string; caseId: string };
    const config = () => ({ ...t.config, publicOrigin: 'https://lotse.example.org' });

    before(async () => {
      t = await startTestApp(kind);
      db = t.database.db;
      cm = await t.as('fallmanager@lotse.example');
      smtp = await startSmtpServer();
      t.config.smtp = { ...t.config.smtp, host: '127.0.0.1', port: smtp.port, secure: false };
      transport = createMailTransport(t.config.smtp)!;
      ids = await demoIds(db);
      const created = await createParticipant(t, cm);
      const row = await db
        .selectFrom('participants')
        .select(['given_names', 'family_name'])
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      person = { id: created.id, givenNames: row.given_names, familyName: row.family_name, caseId: created.currentCase.id };
    });
    after(async () => {
      transport.close();
      await smtp.close();
      await t.close();
    });

    /** A referral of the test participant to a partner, in the given state. */
    async function referral(partner: string, state: 'sent' | 'accepted', caseworker: string | null) {
      const row = await db
        .insertInto('referrals')
        .values({
          network_id: ids.networkId,
          participant_id: person.id,
          case_id: person.caseId,
          partner_organisation_id: ids.org(partner),
          state,
          starts_on: inDays(-10),
          ends_on: inDays(170),
          categories: ['contact'],
          // Sent without a consent record, with the reason that then stands in for it.
          override_reason: 'Einwilligung liegt auf Papier vor und wird nachgetragen',
          contact_name: 'Fallmanagement Wuppertal',
          caseworker_id: caseworker,
          sent_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }

    async function appointment(
      referralId: string,
      kind: 'exchange' | 'case_conference',
      startsAt: Date,
      state: 'planned' | 'cancelled' = 'planned',
    ) {
      const row = await db
        .insertInto('appointments')
        .values({ network_id: ids.networkId, participant_id: person.id, referral_id: referralId, kind, starts_at: startsAt, state })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }

    /** A notification to mail, straight into the table. */
    async function pendingNotifications(userEmail: string, count: number) {
      const rows = await db
        .insertInto('notifications')
        .values(
          Array.from({ length: count }, () => ({
            network_id: ids.networkId,
            user_id: ids.user(userEmail),
            kind: 'task_due',
            entity_type: 'referral_task',
            due_on: today(),
            dedupe_key: `test:${randomUUID()}`,
          })),
        )
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    }

    const mine = async (entityIds: string[]) =>
      (
        await db
          .selectFrom('notifications')
          .innerJoin('users', 'users.id', 'notifications.user_id')
          .select(['notifications.kind', 'notifications.entity_id', 'users.email'])
          .where('notifications.entity_id', 'in', entityIds)
          .execute()
      )
        .map((n) => `${n.kind} ${n.entity_id} → ${n.email}`)
        .sort();

    test('what falls due becomes one reminder for each person who has to act, however often generation runs', async () => {
      const stepType = await db
        .insertInto('step_types')
        .values({
          network_id: ids.networkId,
          key: `reminder-test-${randomUUID()}`,
          labels: JSON.stringify({ de: 'Bewerbung', en: 'Application' }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const version = async (state: 'current' | 'draft', number: number) =>
        (
          await db
            .insertInto('plan_versions')
            .values({ network_id: ids.networkId, participant_id: person.id, case_id: person.caseId, number, state, discussed_on: today() })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const current = await version('current', 1);
      const draft = await version('draft', 2);
      const step = async (versionId: string, organisation: string, dueOn: string, status: 'open' | 'done' = 'open') => {
        const goal = await db
          .insertInto('plan_goals')
          .values({ network_id: ids.networkId, plan_version_id: versionId, lineage_id: randomUUID(), position: 1, title: 'Arbeit finden' })
          .returning('id')
          .executeTakeFirstOrThrow();
        const row = await db
          .insertInto('plan_steps')
          .values({
            network_id: ids.networkId,
            plan_version_id: versionId,
            goal_id: goal.id,
            lineage_id: randomUUID(),
            position: 1,
            step_type_id: stepType.id,
            responsible_organisation_id: ids.org(organisation),
            due_on: dueOn,
            status,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return row.id;
      };
      const officeStep = await step(current, 'Fallmanagement Wuppertal', inDays(2));
      const overdueStep = await step(current, 'Fallmanagement Wuppertal', inDays(-5));
      const partnerStep = await step(current, 'Jobcoaching', inDays(1));
      const laterStep = await step(current, 'Fallmanagement Wuppertal', inDays(10));
      const doneStep = await step(current, 'Fallmanagement Wuppertal', inDays(-1), 'done');
      const draftStep = await step(draft, 'Fallmanagement Wuppertal', inDays(1));

      const running = await referral('Jobcoaching', 'accepted', ids.user('jobcoach@lotse.example'));
      const task = async (dueOn: string) =>
        (
          await db
            .insertInto('referral_tasks')
            .values({ network_id: ids.networkId, referral_id: running, position: 1, step_type_id: stepType.id, due_on: dueOn })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const dueTask = await task(inDays(1));
      const laterTask = await task(inDays(20));
      const waiting = await referral('Qualifizierung', 'sent', null);
      // A disabled caseworker of the same partner gets nothing.
      const disabled = await db
        .insertInto('users')
        .values({
          network_id: ids.networkId,
          email: 'ehemals@lotse.example',
          display_name: 'Ehemals',
          password_hash: 'x',
          status: 'disabled',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('memberships')
        .values({ network_id: ids.networkId, user_id: disabled.id, organisation_id: ids.org('Qualifizierung'), role: 'partner_caseworker' })
        .execute();

      const exchange = await appointment(running, 'exchange', inHours(24));
      const cancelled = await appointment(running, 'exchange', inHours(20), 'cancelled');
      const laterExchange = await appointment(running, 'exchange', inHours(24 * 5));
      const conference = await appointment(running, 'case_conference', inHours(24 * 10));

      const residence = await cm.post(`/api/participants/${person.id}/residence-statuses`, {
        title: 'duldung',
        workClause: 'permission_required',
        validUntil: inDays(20),
      });
      assert.equal(residence.statusCode, 201, residence.body);
      const documentId = residence.json().id;

      // A placement 26 days ago: its 28-day follow-up is due in two days, the six-month one later.
      const placement = await db
        .insertInto('placements')
        .values({
          network_id: ids.networkId,
          participant_id: person.id,
          case_id: person.caseId,
          office_id: ids.org('Fallmanagement Wuppertal'),
          kind: 'employment',
          first_labour_market: true,
          employer_name: 'Bäckerei',
          starts_on: inDays(-26),
          occupation: 'Verkauf',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const followUp = async (kind: 'day_28' | 'month_6', dueOn: string) =>
        (
          await db
            .insertInto('placement_follow_ups')
            .values({ network_id: ids.networkId, placement_id: placement.id, kind, due_on: dueOn })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const dueFollowUp = await followUp('day_28', inDays(2));
      const laterFollowUp = await followUp('month_6', inDays(157));

      const first = await generateReminders(db);
      assert.ok(
        Object.values(first).every((n) => n >= 1),
        `every kind was created: ${JSON.stringify(first)}`,
      );
      const second = await generateReminders(db);
      assert.deepEqual(Object.values(second), [0, 0, 0, 0, 0, 0, 0], 'a second run creates nothing');

      const cmEmail = 'fallmanager@lotse.example';
      assert.deepEqual(
        await mine([
          officeStep,
          overdueStep,
          partnerStep,
          laterStep,
          doneStep,
          draftStep,
          dueTask,
          laterTask,
          waiting,
          exchange,
          cancelled,
          laterExchange,
          conference,
          documentId,
          dueFollowUp,
          laterFollowUp,
        ]),
        [
          `follow_up_due ${dueFollowUp} → ${cmEmail}`,
          `appointment_upcoming ${exchange} → ${cmEmail}`,
          `appointment_upcoming ${exchange} → jobcoach@lotse.example`,
          `conference_upcoming ${conference} → ${cmEmail}`,
          `referral_new ${waiting} → qualifizierung@lotse.example`,
          `residence_expiry ${documentId} → ${cmEmail}`,
          `step_due ${officeStep} → ${cmEmail}`,
          `step_due ${overdueStep} → ${cmEmail}`,
          `task_due ${dueTask} → jobcoach@lotse.example`,
        ].sort(),
      );

      // Moving the appointment is news: a new reminder for the new time.
      await db
        .updateTable('appointments')
        .set({ starts_at: inHours(30) })
        .where('id', '=', exchange)
        .execute();
      assert.equal((await generateReminders(db)).appointment_upcoming, 2);
    });

    test('each reminder is mailed once, to its user, in their language, with a link and without a name', async () => {
      await db.updateTable('users').set({ locale: 'en' }).where('email', '=', 'jobcoach@lotse.example').execute();
      const pending = await db.selectFrom('notifications').select(['id']).where('email_status', '=', 'pending').execute();
      assert.ok(pending.length >= 10);
      smtp.mails.length = 0;

      const result = await sendPendingEmails(db, transport, config(), { batchSize: 7 });
      assert.deepEqual(result, { sent: pending.length, retrying: 0, failed: 0, skipped: 0 });
      assert.equal(smtp.mails.length, pending.length);
      assert.deepEqual(
        smtp.mails.map((m) => m.headers.get('x-lotse-reminder')).sort(),
        pending.map((p) => p.id).sort(),
        'one mail per reminder',
      );
      const left = await db.selectFrom('notifications').select('id').where('email_status', '!=', 'sent').execute();
      assert.deepEqual(left, []);

      for (const mail of smtp.mails) {
        assert.ok(!mail.text.includes(person.givenNames) && !mail.text.includes(person.familyName), 'no name in the text');
        assert.ok(!mail.subject.includes(person.familyName), 'no name in the subject');
        assert.match(mail.text, /https:\/\/lotse\.example\.org\/notifications/);
      }
      const toJobcoach = smtp.mails.filter((m) => m.to.includes('jobcoach@lotse.example'));
      assert.ok(
        toJobcoach.some((m) => m.subject === 'Lotse: A task of a referral is due'),
        toJobcoach.map((m) => m.subject).join(),
      );
      const toCm = smtp.mails.filter((m) => m.to.includes('fallmanager@lotse.example'));
      assert.ok(toCm.some((m) => m.subject === 'Lotse: Ein Aufenthaltsdokument läuft ab'));
      assert.ok(toCm.some((m) => m.headers.get('to') === 'fallmanager@lotse.example'));

      const again = await sendPendingEmails(db, transport, config());
      assert.equal(again.sent, 0);
      assert.equal(smtp.mails.length, pending.length, 'nothing is mailed twice');
    });

    test('sent once with two workers: two processes mailing at once send each reminder exactly once', async () => {
      const ids40 = await pendingNotifications('fallmanager@lotse.example', 40);
      smtp.mails.length = 0;
      // Another process: its own connection pool to the same database (PGlite has only one).
      const url = (t.database as Database & { url?: string }).url;
      const other = kind === 'postgres' ? await openDatabase({ url }) : null;
      const otherTransport = createMailTransport(t.config.smtp)!;
      try {
        const [a, b] = await Promise.all([
          sendPendingEmails(db, transport, config(), { batchSize: 3 }),
          sendPendingEmails(other?.db ?? db, otherTransport, config(), { batchSize: 3 }),
        ]);
        assert.equal(a.sent + b.sent, 40);
        if (kind === 'postgres') assert.ok(a.sent > 0 && b.sent > 0, `both workers mailed: ${a.sent} + ${b.sent}`);
      } finally {
        otherTransport.close();
        await other?.close();
      }
      const received = smtp.mails.map((m) => m.headers.get('x-lotse-reminder'));
      assert.equal(received.length, 40);
      assert.deepEqual([...new Set(received)].sort(), [...ids40].sort(), 'every reminder received exactly once');
      const rows = await db.selectFrom('notifications').select(['email_status', 'email_attempts']).where('id', 'in', ids40).execute();
      assert.ok(rows.every((r) => r.email_status === 'sent' && r.email_attempts === 1));
    });

    test('a mail server that refuses: the reminder stays pending with the error, is mailed later, and is given up after five attempts', async () => {
      const [id] = await pendingNotifications('fallmanager@lotse.example', 1);
      smtp.mails.length = 0;
      smtp.refuse = 'Mailbox unavailable';
      const refused = await sendPendingEmails(db, transport, config());
      assert.deepEqual(refused, { sent: 0, retrying: 1, failed: 0, skipped: 0 });
      const row = await db.selectFrom('notifications').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
      assert.equal(row.email_status, 'pending');
      assert.equal(row.email_attempts, 1);
      assert.match(row.email_error ?? '', /Mailbox unavailable/);

      smtp.refuse = null;
      assert.equal((await sendPendingEmails(db, transport, config())).sent, 1);
      assert.equal(smtp.mails.length, 1);
      const sent = await db.selectFrom('notifications').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
      assert.equal(sent.email_status, 'sent');
      assert.equal(sent.email_error, null);

      const [doomed] = await pendingNotifications('fallmanager@lotse.example', 1);
      await db.updateTable('notifications').set({ email_attempts: 4 }).where('id', '=', doomed!).execute();
      smtp.refuse = 'Mailbox unavailable';
      assert.equal((await sendPendingEmails(db, transport, config())).failed, 1);
      smtp.refuse = null;
      const failed = await db.selectFrom('notifications').select('email_status').where('id', '=', doomed!).executeTakeFirstOrThrow();
      assert.equal(failed.email_status, 'failed');
    });

    test('a mail server that cannot be reached: the run stops, tries one reminder, and gives the others back untried', async () => {
      const closed = await startSmtpServer();
      await closed.close();
      const down = createMailTransport({ ...t.config.smtp, port: closed.port })!;
      const queued = await pendingNotifications('fallmanager@lotse.example', 3);
      try {
        assert.deepEqual(await sendPendingEmails(db, down, config(), { batchSize: 2 }), { sent: 0, retrying: 1, failed: 0, skipped: 0 });
      } finally {
        down.close();
      }
      const rows = await db
        .selectFrom('notifications')
        .select(['email_status', 'email_attempts', 'email_error'])
        .where('id', 'in', queued)
        .execute();
      assert.ok(rows.every((r) => r.email_status === 'pending'));
      assert.deepEqual(rows.map((r) => r.email_attempts).sort(), [0, 0, 1]);
      smtp.mails.length = 0;
      assert.equal((await sendPendingEmails(db, transport, config())).sent, 3);
      assert.equal(smtp.mails.length, 3);
    });

    test('a claim left behind by a process that died is taken over after ten minutes, a fresh one is not', async () => {
      const [stale, fresh] = await pendingNotifications('fallmanager@lotse.example', 2);
      await db
        .updateTable('notifications')
        .set({ email_status: 'sending', email_claimed_at: new Date(Date.now() - 11 * 60_000), email_attempts: 1 })
        .where('id', '=', stale!)
        .execute();
      await db
        .updateTable('notifications')
        .set({ email_status: 'sending', email_claimed_at: new Date(Date.now() - 60_000), email_attempts: 1 })
        .where('id', '=', fresh!)
        .execute();
      smtp.mails.length = 0;
      assert.equal((await sendPendingEmails(db, transport, config())).sent, 1);
      assert.deepEqual(
        smtp.mails.map((m) => m.headers.get('x-lotse-reminder')),
        [stale],
      );
      await db.deleteFrom('notifications').where('id', '=', fresh!).execute();
    });

    test('without a mail server, reminders are shown in the app only; a fresh one is left for a process that has one', async () => {
      const [old, fresh] = await pendingNotifications('fallmanager@lotse.example', 2);
      await db
        .updateTable('notifications')
        .set({ created_at: new Date(Date.now() - 2 * 86400_000) })
        .where('id', '=', old!)
        .execute();
      const result = await sendPendingEmails(db, null, config());
      assert.equal(result.skipped, 1);
      const status = async (id: string) =>
        (await db.selectFrom('notifications').select('email_status').where('id', '=', id).executeTakeFirstOrThrow()).email_status;
      assert.equal(await status(old!), 'skipped');
      assert.equal(await status(fresh!), 'pending');
      await db.deleteFrom('notifications').where('id', '=', fresh!).execute();
    });

    test('the worker creates and mails reminders on its own, and stops cleanly', async () => {
      await referral('Qualifizierung', 'sent', null);
      smtp.mails.length = 0;
      const stop = startReminderWorker(db, { ...config(), reminderIntervalSeconds: 1 }, silent, { firstRunAfterMs: 0 });
      try {
        for (let i = 0; i < 100 && smtp.mails.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        await stop();
      }
      assert.ok(smtp.mails.some((m) => m.to.includes('qualifizierung@lotse.example')));
    });

    test('a user sees and marks only their own reminders; another user’s is not found', async () => {
      const jobcoach = await t.as('jobcoach@lotse.example');
      const newest = await cm.get('/api/notifications');
      assert.equal(newest.statusCode, 200, newest.body);
      assert.ok(newest.json().items.length > 0 && newest.json().items.length <= 50, 'the newest 50 by default');
      const body = (await cm.get('/api/notifications?limit=200')).json();
      assert.ok(body.unread >= body.items.filter((n: { readAt: string | null }) => !n.readAt).length);
      const cmId = ids.user('fallmanager@lotse.example');
      const own = await db.selectFrom('notifications').select('id').where('user_id', '=', cmId).execute();
      const ownIds = new Set(own.map((n) => n.id));
      assert.ok(
        body.items.every((n: { id: string }) => ownIds.has(n.id)),
        'only the user’s own',
      );
      const residence = body.items.find(
        (n: { kind: string; participantId: string }) => n.kind === 'residence_expiry' && n.participantId === person.id,
      );
      assert.ok(residence, 'the reminder of the document carries the participant’s id');
      assert.ok(!JSON.stringify(body).includes(person.familyName), 'no names in reminders');

      const theirs = await jobcoach.get('/api/notifications');
      assert.ok(theirs.json().items.every((n: { id: string }) => !ownIds.has(n.id)));
      const foreign = await jobcoach.post(`/api/notifications/${residence.id}/read`);
      assert.equal(foreign.statusCode, 404);

      const read = await cm.post(`/api/notifications/${residence.id}/read`);
      assert.equal(read.statusCode, 200, read.body);
      assert.ok(read.json().readAt);
      assert.equal((await cm.get('/api/notifications')).json().unread, body.unread - 1);
      const unreadOnly = (await cm.get('/api/notifications?unreadOnly=true&limit=200')).json();
      assert.ok(unreadOnly.items.every((n: { id: string; readAt: string | null }) => n.id !== residence.id && !n.readAt));

      const all = await cm.post('/api/notifications/read-all');
      assert.equal(all.json().marked, body.unread - 1);
      assert.equal((await cm.get('/api/notifications')).json().unread, 0);
      assert.ok((await jobcoach.get('/api/notifications')).json().unread > 0, 'the other user’s stay unread');

      assert.equal((await t.anonymous().get('/api/notifications')).statusCode, 401);
      assert.equal((await cm.post('/api/notifications/not-an-id/read')).statusCode, 400);
    });
  });
}
