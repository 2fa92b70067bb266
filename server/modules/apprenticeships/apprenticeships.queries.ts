import type { Db, Tx } from '../../db/database.ts';
import { today } from '../../dates.ts';
import { assessRisk } from './apprenticeships.risk.ts';
import type { AgreementView, CheckInView, NeedView, Signal } from './apprenticeships.schemas.ts';

// The SQL of apprenticeship support. Every statement filters on the network; the office
// scope and the employer scope come from the policy through the callers.

export function agreementRows(db: Db | Tx, networkId: string) {
  return db
    .selectFrom('apprenticeships as a')
    .innerJoin('participants as p', 'p.id', 'a.participant_id')
    .innerJoin('organisations as employer', 'employer.id', 'a.employer_id')
    .leftJoin('residence_statuses as r', 'r.id', 'p.current_residence_id')
    .selectAll('a')
    .select([
      'p.given_names',
      'p.family_name',
      'p.preferred_name',
      'employer.name as employer_name',
      'r.valid_until as residence_valid_until',
    ])
    .where('a.network_id', '=', networkId)
    .where('p.merged_into', 'is', null);
}
export type AgreementRow = NonNullable<Awaited<ReturnType<ReturnType<typeof agreementRows>['executeTakeFirst']>>>;

export const personName = (r: { preferred_name: string | null; given_names: string; family_name: string }) =>
  `${r.preferred_name || r.given_names} ${r.family_name}`;

export async function needRows(db: Db | Tx, ids: string[]): Promise<(NeedView & { apprenticeshipId: string })[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('apprenticeship_needs as n')
    .leftJoin('users as u', 'u.id', 'n.helper_user_id')
    .selectAll('n')
    .select('u.display_name')
    .where('n.apprenticeship_id', 'in', ids)
    .orderBy('n.position')
    .execute();
  return rows.map((n) => ({
    id: n.id,
    apprenticeshipId: n.apprenticeship_id,
    area: n.area as NeedView['area'],
    helperKind: n.helper_kind,
    helperUserId: n.helper_user_id,
    helperName: n.display_name,
    note: n.note,
  }));
}

export async function checkInRows(db: Db | Tx, ids: string[]): Promise<(CheckInView & { apprenticeshipId: string })[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('apprenticeship_check_ins as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .selectAll('c')
    .select('u.display_name')
    .where('c.apprenticeship_id', 'in', ids)
    .orderBy('c.held_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute();
  return rows.map((c) => ({
    id: c.id,
    apprenticeshipId: c.apprenticeship_id,
    heldOn: c.held_on,
    heldWith: c.held_with,
    notes: c.notes,
    signals: c.signals as Signal[],
    nextCheckInOn: c.next_check_in_on,
    recordedByName: c.display_name,
  }));
}

/** The risk of an agreement from its check-ins (newest first) and the current residence document. */
export function riskOf(row: AgreementRow, checkIns: { signals: Signal[] }[]) {
  return assessRisk({
    latestSignals: checkIns[0]?.signals ?? [],
    previousSignals: checkIns[1]?.signals ?? [],
    residenceValidUntil: row.residence_valid_until,
    // An ended agreement is not checked in on any more.
    nextCheckInOn: row.status === 'active' ? row.next_check_in_on : null,
    today: today(),
  });
}

/** The full views of agreement rows: needs, check-ins and the derived risk. */
export async function toViews(db: Db | Tx, rows: AgreementRow[]): Promise<AgreementView[]> {
  const ids = rows.map((r) => r.id);
  const [needs, checkIns] = await Promise.all([needRows(db, ids), checkInRows(db, ids)]);
  return rows.map((r) => {
    const own = checkIns.filter((c) => c.apprenticeshipId === r.id).map(({ apprenticeshipId: _, ...c }) => c);
    return {
      id: r.id,
      placementId: r.placement_id,
      participantId: r.participant_id,
      participantName: personName(r),
      employerId: r.employer_id,
      employerName: r.employer_name,
      companyContactUserId: r.company_contact_user_id,
      companyContactName: r.company_contact_name,
      vocationalSchool: r.vocational_school,
      occupation: r.occupation,
      startsOn: r.starts_on,
      plannedEndOn: r.planned_end_on,
      status: r.status,
      endedOn: r.ended_on,
      endReason: r.end_reason,
      nextCheckInOn: r.next_check_in_on,
      needs: needs.filter((n) => n.apprenticeshipId === r.id).map(({ apprenticeshipId: _, ...n }) => n),
      checkIns: own,
      risk: riskOf(r, own),
      version: r.version,
    };
  });
}

/** Whether a user of the network holds one of the roles (for a named helper or company contact). */
export async function userHasRole(db: Db | Tx, networkId: string, userId: string, roles: string[], organisationId?: string) {
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.id')
    .where('memberships.network_id', '=', networkId)
    .where('memberships.user_id', '=', userId)
    .where('memberships.role', 'in', roles)
    .where('users.status', '=', 'active');
  if (organisationId) query = query.where('memberships.organisation_id', '=', organisationId);
  return !!(await query.executeTakeFirst());
}
