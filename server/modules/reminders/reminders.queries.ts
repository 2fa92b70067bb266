import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { consentHolds } from '../referrals/referrals.access.ts';
import type { NotificationKind } from './reminders.schemas.ts';

// The SQL of reminders. Each kind is one INSERT … SELECT over every network; the unique
// (user_id, dedupe_key) makes running it again a no-op, so the worker may run it as often
// as it likes and in as many processes as there are. Only active users receive reminders.

const OPEN_CASE = sql`('invited', 'active', 'paused')`;
const OPEN_WORK = sql`('open', 'in_progress')`;
/** The calendar day of a timestamp where the networks are. */
const localDay = (column: RawBuilder<unknown>) => sql`(${column} AT TIME ZONE 'Europe/Berlin')::date`;

const INSERT = sql`INSERT INTO notifications (network_id, user_id, kind, entity_type, entity_id, due_on, data, dedupe_key)`;
const ON_CONFLICT = sql`ON CONFLICT (user_id, dedupe_key) DO NOTHING`;

/** The statements that create reminders, by kind; `today` is the local date, `now` the instant. */
export function reminderStatements(today: string, now: Date): Record<NotificationKind, RawBuilder<unknown>> {
  const day = sql`${today}::date`;
  const at = sql`${now.toISOString()}::timestamptz`;
  return {
    // Steps of the plan in force that the case management office does itself (the
    // partners' steps arrive as referral tasks), due within three days or overdue.
    step_due: sql`${INSERT}
      SELECT s.network_id, c.case_manager_id, 'step_due', 'plan_step', s.id, s.due_on,
             jsonb_build_object('participantId', v.participant_id),
             'step:' || s.lineage_id || ':' || to_char(s.due_on, 'YYYY-MM-DD')
      FROM plan_steps s
      JOIN plan_versions v ON v.id = s.plan_version_id AND v.state = 'current'
      JOIN participants p ON p.id = v.participant_id AND p.merged_into IS NULL
      JOIN cases c ON c.id = v.case_id AND c.status IN ${OPEN_CASE}
      JOIN users u ON u.id = c.case_manager_id AND u.status = 'active'
      WHERE s.status IN ${OPEN_WORK} AND s.due_on <= ${day} + 3
        AND s.responsible_organisation_id = p.office_id
      ${ON_CONFLICT}`,
    // Tasks of a running referral, to the partner's caseworker.
    task_due: sql`${INSERT}
      SELECT t.network_id, referrals.caseworker_id, 'task_due', 'referral_task', t.id, t.due_on,
             jsonb_build_object('participantId', referrals.participant_id, 'referralId', referrals.id),
             'task:' || t.id || ':' || to_char(t.due_on, 'YYYY-MM-DD')
      FROM referral_tasks t
      JOIN referrals ON referrals.id = t.referral_id AND referrals.state = 'accepted' AND ${day} BETWEEN referrals.starts_on AND referrals.ends_on
        AND ${consentHolds(today)}
      JOIN users u ON u.id = referrals.caseworker_id AND u.status = 'active'
      JOIN memberships m ON m.user_id = u.id AND m.organisation_id = referrals.partner_organisation_id AND m.role = 'partner_caseworker'
      WHERE t.status IN ${OPEN_WORK} AND t.due_on <= ${day} + 3
      ${ON_CONFLICT}`,
    // Appointments in the next 48 hours, to both sides: the case manager and the
    // partner's caseworker. A moved appointment is a new reminder (its start is in the key).
    appointment_upcoming: sql`WITH soon AS (
        SELECT a.id, a.network_id, a.participant_id, a.referral_id, a.starts_at, p.case_manager_id, rf.caseworker_id
        FROM appointments a
        JOIN participants p ON p.id = a.participant_id AND p.merged_into IS NULL
        JOIN referrals rf ON rf.id = a.referral_id
        WHERE a.state = 'planned' AND a.starts_at > ${at} AND a.starts_at <= ${at} + interval '48 hours'
      ), recipients AS (
        SELECT soon.*, case_manager_id AS user_id FROM soon
        UNION
        -- The caseworker only while the referral is live.
        SELECT soon.*, soon.caseworker_id FROM soon JOIN referrals ON referrals.id = soon.referral_id
        WHERE referrals.state = 'accepted' AND referrals.ends_on >= ${day} AND ${consentHolds(today)}
      )
      ${INSERT}
      SELECT x.network_id, x.user_id, 'appointment_upcoming', 'appointment', x.id, ${localDay(sql`x.starts_at`)},
             jsonb_build_object('participantId', x.participant_id, 'referralId', x.referral_id, 'startsAt', x.starts_at),
             'appointment:' || x.id || ':upcoming:' || extract(epoch FROM x.starts_at)::bigint
      FROM recipients x
      JOIN users u ON u.id = x.user_id AND u.status = 'active'
      ${ON_CONFLICT}`,
    // The case conference two weeks ahead, so that the case manager can prepare it.
    conference_upcoming: sql`${INSERT}
      SELECT a.network_id, p.case_manager_id, 'conference_upcoming', 'appointment', a.id, ${localDay(sql`a.starts_at`)},
             jsonb_build_object('participantId', a.participant_id, 'referralId', a.referral_id, 'startsAt', a.starts_at),
             'conference:' || a.id || ':' || extract(epoch FROM a.starts_at)::bigint
      FROM appointments a
      JOIN participants p ON p.id = a.participant_id AND p.merged_into IS NULL
      JOIN users u ON u.id = p.case_manager_id AND u.status = 'active'
      WHERE a.kind = 'case_conference' AND a.state = 'planned'
        AND a.starts_at > ${at} AND a.starts_at <= ${at} + interval '14 days'
      ${ON_CONFLICT}`,
    // A referral waiting for an answer, to every caseworker of the partner. No
    // participant id: the partner sees the person only once it has accepted.
    referral_new: sql`${INSERT}
      SELECT referrals.network_id, m.user_id, 'referral_new', 'referral', referrals.id,
             ${localDay(sql`coalesce(referrals.sent_at, referrals.created_at)`)},
             jsonb_build_object('referralId', referrals.id),
             'referral:' || referrals.id || ':sent'
      FROM referrals
      JOIN memberships m ON m.organisation_id = referrals.partner_organisation_id AND m.role = 'partner_caseworker'
      JOIN users u ON u.id = m.user_id AND u.status = 'active'
      WHERE referrals.state = 'sent' AND referrals.ends_on >= ${day} AND ${consentHolds(today)}
      ${ON_CONFLICT}`,
    // The residence document in force expires within four weeks (or has expired), open cases only.
    residence_expiry: sql`${INSERT}
      SELECT p.network_id, p.case_manager_id, 'residence_expiry', 'residence_status', rs.id, rs.valid_until,
             jsonb_build_object('participantId', p.id),
             'residence:' || rs.id || ':' || to_char(rs.valid_until, 'YYYY-MM-DD')
      FROM participants p
      JOIN residence_statuses rs ON rs.id = p.current_residence_id
      JOIN users u ON u.id = p.case_manager_id AND u.status = 'active'
      WHERE p.merged_into IS NULL AND p.case_status IN ${OPEN_CASE} AND rs.valid_until <= ${day} + 28
      ${ON_CONFLICT}`,
    // Is the person still employed? Due 28 days and six months after a placement's start,
    // three days ahead, to the person's case manager (the case is usually closed by then).
    follow_up_due: sql`${INSERT}
      SELECT f.network_id, p.case_manager_id, 'follow_up_due', 'placement_follow_up', f.id, f.due_on,
             jsonb_build_object('participantId', p.id, 'kind', f.kind),
             'follow_up:' || f.id
      FROM placement_follow_ups f
      JOIN placements pl ON pl.id = f.placement_id
      JOIN participants p ON p.id = pl.participant_id AND p.merged_into IS NULL
      JOIN users u ON u.id = p.case_manager_id AND u.status = 'active'
      WHERE f.checked_on IS NULL AND f.due_on <= ${day} + 3
      ${ON_CONFLICT}`,
  };
}

/** A notification claimed for mailing, with its recipient. */
export interface ClaimedNotification {
  id: string;
  kind: NotificationKind;
  due_on: string | null;
  data: { startsAt?: string };
  email_attempts: number;
  email: string;
  locale: string;
  user_status: string;
}

/** Minutes after which a claim whose process died is taken over by another. */
export const RECLAIM_MINUTES = 10;

/**
 * Claims up to `limit` notifications for mailing in one statement. FOR UPDATE SKIP LOCKED
 * lets concurrent workers (other processes, or the same one) pass over rows another
 * worker is claiming, and a row once claimed is 'sending', so no two workers get the same
 * one. A claim left 'sending' for RECLAIM_MINUTES (its process died mid-send) is taken again.
 * A reminder claimed since `notClaimedSince` and given back (a failure) waits for the next run.
 */
export async function claimPending(db: Db, limit: number, notClaimedSince: Date): Promise<ClaimedNotification[]> {
  const result = await sql<ClaimedNotification>`
    WITH picked AS MATERIALIZED (
      SELECT id FROM notifications
      WHERE (email_status = 'pending' AND (email_claimed_at IS NULL OR email_claimed_at < ${notClaimedSince}))
         OR (email_status = 'sending' AND email_claimed_at < now() - make_interval(mins => ${RECLAIM_MINUTES}))
      ORDER BY created_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE notifications n
    SET email_status = 'sending', email_claimed_at = now(), email_attempts = n.email_attempts + 1
    FROM picked, users u
    WHERE n.id = picked.id AND u.id = n.user_id
    RETURNING n.id, n.kind, to_char(n.due_on, 'YYYY-MM-DD') AS due_on, n.data, n.email_attempts,
              u.email, u.locale, u.status AS user_status`.execute(db);
  return result.rows;
}
