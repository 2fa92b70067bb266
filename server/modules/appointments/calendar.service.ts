import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Db } from '../../db/database.ts';
import { addDays, today } from '../../dates.ts';
import { NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadMemberships } from '../auth/auth.queries.ts';
import { appointmentRows, ownAppointments } from './appointments.service.ts';

// A personal iCal feed of one's appointments for Outlook or Thunderbird. The URL holds a
// random token (only its hash is stored); creating a new one revokes the old. The feed
// leaves the network's walls, so events carry initials, not names.

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function feedStatus(db: Db, ctx: ServiceContext) {
  const feed = await db
    .selectFrom('calendar_feeds')
    .select('created_at')
    .where('user_id', '=', ctx.actor.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return { active: !!feed, createdAt: feed ? new Date(feed.created_at).toISOString() : null, url: null };
}

/** A new feed URL; any earlier one stops working. The token is shown this once. */
export async function createFeed(db: Db, ctx: ServiceContext, origin: string) {
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (tx) => {
    // One live feed per user: a second request at the same time waits here and then revokes this one.
    await tx.selectFrom('users').select('id').where('id', '=', ctx.actor.userId).forUpdate().execute();
    await tx
      .updateTable('calendar_feeds')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', ctx.actor.userId)
      .where('revoked_at', 'is', null)
      .execute();
    const feed = await tx
      .insertInto('calendar_feeds')
      .values({ network_id: ctx.networkId, user_id: ctx.actor.userId, token_hash: hash(token) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'calendar.feed_create', entityType: 'calendar_feed', entityId: feed.id });
  });
  return { active: true, createdAt: new Date().toISOString(), url: `${origin}/api/calendar/${token}.ics` };
}

export async function revokeFeed(db: Db, ctx: ServiceContext) {
  await db.transaction().execute(async (tx) => {
    const revoked = await tx
      .updateTable('calendar_feeds')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', ctx.actor.userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    for (const feed of revoked)
      await recordAudit(tx, ctx, { action: 'calendar.feed_revoke', entityType: 'calendar_feed', entityId: feed.id });
  });
  return { active: false, createdAt: null, url: null };
}

const initials = (given: string, family: string) => `${[...given.trim()][0] ?? ''}. ${[...family.trim()][0] ?? ''}.`.toUpperCase();

const LABELS = {
  de: { exchange: 'Austauschtermin', case_conference: 'Fallbesprechung', calendar: 'Lotse – Termine' },
  en: { exchange: 'Exchange appointment', case_conference: 'Case conference', calendar: 'Lotse – appointments' },
};

/** The feed behind a token, or 404 for an unknown or revoked one. */
export async function renderFeed(db: Db, token: string, origin: string): Promise<string> {
  const feed = await db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .select(['calendar_feeds.id', 'calendar_feeds.user_id', 'calendar_feeds.network_id', 'users.locale', 'users.status'])
    .where('calendar_feeds.token_hash', '=', hash(token))
    .where('calendar_feeds.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!feed || feed.status !== 'active') throw new NotFound('Calendar');
  const actor = { userId: feed.user_id, networkId: feed.network_id, memberships: await loadMemberships(db, feed.user_id) };
  const from = new Date(`${addDays(today(), -60)}T00:00:00Z`);
  const rows = await appointmentRows(db, feed.network_id)
    .select(['referrals.state as referral_state', 'referrals.ends_on'])
    .where('appointments.starts_at', '>=', from)
    .where(ownAppointments(actor))
    .orderBy('appointments.starts_at')
    .limit(1000)
    .execute();
  const labels = feed.locale === 'en' ? LABELS.en : LABELS.de;
  const calendar = ical({
    name: labels.calendar,
    prodId: { company: 'Lotse', product: 'Lotse', language: feed.locale === 'en' ? 'EN' : 'DE' },
  });
  for (const r of rows) {
    const start = new Date(r.starts_at);
    calendar.createEvent({
      id: `${r.id}@lotse`,
      sequence: r.version,
      start,
      end: new Date(start.getTime() + r.duration_minutes * 60_000),
      summary: `${labels[r.kind]} · ${r.partner_name} · ${initials(r.given_names, r.family_name)}`,
      location: r.location,
      url: `${origin}/appointments/${r.id}`,
      status: r.state === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  await db.transaction().execute((tx) =>
    recordAudit(
      tx,
      { networkId: feed.network_id, actor, requestId: null },
      {
        action: 'calendar.feed_read',
        entityType: 'calendar_feed',
        entityId: feed.id,
        details: { appointments: rows.length, participantIds: [...new Set(rows.map((r) => r.participant_id))] },
      },
    ),
  );
  return calendar.toString();
}
