import type { Transporter } from 'nodemailer';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { dayInGermany } from '../../dates.ts';
import type { Db } from '../../db/database.ts';
import { NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { composeReminderMail } from './mailer.ts';
import { claimPending, reminderStatements } from './reminders.queries.ts';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationList, type NotificationView } from './reminders.schemas.ts';

// Reminders: created from what falls due (generateReminders), shown to their user in the
// app, and mailed once (sendPendingEmails). They carry the ids of the records they point
// at and never names, so listing them reads no personal data and is not audited; mailing
// them is not audited either, for the same reason: the mail says only the kind and the date.

/** The calendar date in Germany at `now` (YYYY-MM-DD): "due within three days" counts local days. */
export const localDate = dayInGermany;

/** Creates the reminders of everything that falls due, in every network. Idempotent. Returns how many were new, by kind. */
export async function generateReminders(db: Db, now = new Date()): Promise<Record<NotificationKind, number>> {
  const statements = reminderStatements(localDate(now), now);
  const created = {} as Record<NotificationKind, number>;
  for (const kind of NOTIFICATION_KINDS) {
    const result = await statements[kind].execute(db);
    created[kind] = Number(result.numAffectedRows ?? 0);
  }
  return created;
}

/** After this many failed attempts a reminder is no longer mailed (it stays in the app). */
export const MAX_EMAIL_ATTEMPTS = 5;

export interface SendResult {
  sent: number;
  /** Failed this time; pending again for the next run. */
  retrying: number;
  /** Given up after MAX_EMAIL_ATTEMPTS. */
  failed: number;
  /** Not mailed: no mail server configured, or the user is disabled. */
  skipped: number;
}

/**
 * Mails pending reminders, batch by batch, until none is left. Each batch is claimed in one
 * statement (claimPending), so any number of workers can run this at once and each reminder
 * is mailed once. A reminder the mail server refuses goes back to pending with the error,
 * for the next run; when the server cannot be reached at all, the run stops and gives the
 * rest of its batch back without counting an attempt. A process that dies between sending
 * and marking leaves its claim to expire and the reminder is mailed again: at least once,
 * and twice only then.
 */
export async function sendPendingEmails(
  db: Db,
  transport: Transporter | null,
  config: Pick<Config, 'smtp' | 'publicOrigin' | 'port'>,
  { batchSize = 50 }: { batchSize?: number } = {},
): Promise<SendResult> {
  const result: SendResult = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  if (!transport) {
    // In-app only here. Another process with a mail server may share the database and sends
    // within minutes, so only what nobody mailed for a day is given up.
    const skipped = await db
      .updateTable('notifications')
      .set({ email_status: 'skipped' })
      .where('email_status', '=', 'pending')
      .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
      .execute();
    result.skipped = Number(skipped[0]?.numUpdatedRows ?? 0);
    return result;
  }
  const origin = config.publicOrigin ?? `http://localhost:${config.port}`;
  // What this run gave back to pending it does not claim again (the database's clock).
  const runStartedAt = (await sql<{ now: Date }>`SELECT now() AS now`.execute(db)).rows[0]!.now;
  let serverDown = false;
  while (!serverDown) {
    const batch = await claimPending(db, batchSize, runStartedAt);
    const untried = new Set(batch.map((n) => n.id));
    for (const n of batch) {
      if (serverDown) break;
      untried.delete(n.id);
      if (n.user_status !== 'active') {
        await finish(db, n.id, { email_status: 'skipped' });
        result.skipped++;
        continue;
      }
      const mail = composeReminderMail({ kind: n.kind, dueOn: n.due_on, startsAt: n.data.startsAt }, n.locale, origin);
      try {
        await transport.sendMail({
          from: config.smtp.from,
          to: n.email,
          subject: mail.subject,
          text: mail.text,
          // The reminder's id (no personal data): to trace a mail or a bounce back to its row.
          headers: { 'X-Lotse-Reminder': n.id },
        });
        await finish(db, n.id, { email_status: 'sent', email_sent_at: new Date(), email_error: null });
        result.sent++;
      } catch (err) {
        // An SMTP reply (550 mailbox unavailable, …) concerns this mail; no reply means no server.
        serverDown = typeof (err as { responseCode?: unknown }).responseCode !== 'number';
        const giveUp = n.email_attempts >= MAX_EMAIL_ATTEMPTS;
        const message = err instanceof Error ? err.message : String(err);
        await finish(db, n.id, { email_status: giveUp ? 'failed' : 'pending', email_error: message.slice(0, 500) });
        result[giveUp ? 'failed' : 'retrying']++;
      }
    }
    if (untried.size > 0) await releaseUntried(db, [...untried]);
    if (batch.length < batchSize) break;
  }
  return result;
}

/** Ends this worker's claim; a claim another worker has taken over meanwhile (after RECLAIM_MINUTES) is its to end. */
async function finish(
  db: Db,
  id: string,
  changes: { email_status: 'sent' | 'pending' | 'failed' | 'skipped'; email_sent_at?: Date; email_error?: string | null },
): Promise<void> {
  await db.updateTable('notifications').set(changes).where('id', '=', id).where('email_status', '=', 'sending').execute();
}

/** Gives claimed reminders back as they were: the run stopped before trying them. */
async function releaseUntried(db: Db, ids: string[]): Promise<void> {
  await db
    .updateTable('notifications')
    .set((eb) => ({ email_status: 'pending', email_attempts: eb('email_attempts', '-', 1) }))
    .where('id', 'in', ids)
    .where('email_status', '=', 'sending')
    .execute();
}

type Row = {
  id: string;
  kind: string;
  entity_type: string;
  entity_id: string | null;
  due_on: string | null;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
};

const idOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

function toView(r: Row): NotificationView {
  const startsAt = idOrNull(r.data.startsAt);
  return {
    id: r.id,
    kind: r.kind as NotificationKind,
    entityType: r.entity_type,
    entityId: r.entity_id,
    participantId: idOrNull(r.data.participantId),
    referralId: idOrNull(r.data.referralId),
    dueOn: r.due_on,
    startsAt: startsAt ? new Date(startsAt).toISOString() : null,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  };
}

const COLUMNS = ['id', 'kind', 'entity_type', 'entity_id', 'due_on', 'data', 'created_at', 'read_at'] as const;

/** The user's own reminders, newest first, and how many are unread. */
export async function listNotifications(
  db: Db,
  ctx: ServiceContext,
  options: { limit: number; unreadOnly: boolean },
): Promise<NotificationList> {
  let query = db
    .selectFrom('notifications')
    .select(COLUMNS)
    .where('user_id', '=', ctx.actor.userId)
    .where('network_id', '=', ctx.networkId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(options.limit);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  const rows = await query.execute();
  const unread = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('user_id', '=', ctx.actor.userId)
    .where('network_id', '=', ctx.networkId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { items: rows.map(toView), unread: unread.count };
}

/** Marks one of the user's reminders read; anyone else's is not found. */
export async function markRead(db: Db, ctx: ServiceContext, id: string): Promise<NotificationView> {
  const row = await db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', ctx.actor.userId)
    .where('network_id', '=', ctx.networkId)
    .returning(COLUMNS)
    .executeTakeFirst();
  if (!row) throw new NotFound('Notification');
  return toView(row);
}

/** Marks all of the user's reminders read. */
export async function markAllRead(db: Db, ctx: ServiceContext): Promise<{ marked: number }> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', ctx.actor.userId)
    .where('network_id', '=', ctx.networkId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return { marked: Number(result.numUpdatedRows) };
}
