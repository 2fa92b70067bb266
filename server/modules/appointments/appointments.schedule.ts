import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { addDays, addMonths, nextWorkingDay, today } from '../../dates.ts';

// Accepting a referral proposes the cycle's appointments by the network's rule: exchange
// appointments some months after the start (default two and four), and the case
// conference some weeks before the end (default four). Weekends move to Monday, past
// days to the next working day; the time is 10:00 in Germany, to be moved as needed.

export async function scheduleCycleAppointments(
  tx: Tx,
  networkId: string,
  referral: { id: string; participant_id: string; starts_on: string; ends_on: string },
): Promise<number> {
  const rule = await tx
    .selectFrom('networks')
    .select(['exchange_after_months', 'conference_weeks_before'])
    .where('id', '=', networkId)
    .executeTakeFirstOrThrow();
  const earliest = addDays(today(), 1);
  const day = (date: string) => nextWorkingDay(date < earliest ? earliest : date);
  // Accepted late in the cycle, the conference still falls inside it: on its last day at the latest.
  const proposed = day(addDays(referral.ends_on, -7 * rule.conference_weeks_before));
  const conferenceOn = proposed > referral.ends_on ? referral.ends_on : proposed;
  const exchanges = rule.exchange_after_months
    .map((months) => day(addMonths(referral.starts_on, months)))
    .filter((date) => date < conferenceOn);
  const planned = [
    ...[...new Set(exchanges)].map((date) => ({ kind: 'exchange' as const, date })),
    { kind: 'case_conference' as const, date: conferenceOn },
  ];
  await tx
    .insertInto('appointments')
    .values(
      planned.map((p) => ({
        network_id: networkId,
        participant_id: referral.participant_id,
        referral_id: referral.id,
        kind: p.kind,
        starts_at: sql<Date>`(${p.date}::date + time '10:00') AT TIME ZONE 'Europe/Berlin'`,
        duration_minutes: p.kind === 'case_conference' ? 90 : 60,
      })),
    )
    .execute();
  return planned.length;
}
