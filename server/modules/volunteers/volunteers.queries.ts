import { sql, type ExpressionBuilder } from 'kysely';
import type { Db, Tx } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { containsPattern } from '../../http/lists.ts';
import { onboardingGaps, type OnboardingRule } from './onboarding.ts';
import type { VolunteerListQuery, VolunteerSettingsView, VolunteerView } from './volunteers.schemas.ts';

// Every statement filters on the network: another network's volunteer is simply not found.

const sortColumn = { name: 'volunteers.display_name', updatedAt: 'volunteers.updated_at', postcode: 'volunteers.postcode' } as const;

/** The network's onboarding rule; the defaults (no certificate needed) until an admin saves one. */
export async function findSettings(db: Db | Tx, networkId: string): Promise<VolunteerSettingsView> {
  const row = await db.selectFrom('volunteer_settings').selectAll().where('network_id', '=', networkId).executeTakeFirst();
  return row
    ? { certificateRequired: row.certificate_required, certificateMaxAgeMonths: row.certificate_max_age_months, version: row.version }
    : { certificateRequired: false, certificateMaxAgeMonths: 60, version: 1 };
}

/** Running mentorships of the volunteer: the capacity they take. */
const activeMentorships = (eb: ExpressionBuilder<DB, 'volunteers'>) =>
  eb
    .selectFrom('mentorships')
    .select(eb.fn.countAll<string>().as('n'))
    .whereRef('mentorships.volunteer_id', '=', 'volunteers.id')
    .where('mentorships.ends_on', 'is', null)
    .as('active_mentorships');

function baseSelect(db: Db | Tx, networkId: string) {
  return db
    .selectFrom('volunteers')
    .innerJoin('organisations', 'organisations.id', 'volunteers.organisation_id')
    .where('volunteers.network_id', '=', networkId);
}

function selectView(base: ReturnType<typeof baseSelect>) {
  return base.selectAll('volunteers').select('organisations.name as organisation_name').select(activeMentorships);
}

export type VolunteerRow = Awaited<ReturnType<typeof findVolunteer>> & object;

export function findVolunteer(db: Db | Tx, networkId: string, id: string) {
  return selectView(baseSelect(db, networkId).where('volunteers.id', '=', id)).executeTakeFirst();
}

export function toVolunteerView(row: VolunteerRow, rule: OnboardingRule, on: string): VolunteerView {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    userId: row.user_id,
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    languages: row.languages,
    skills: row.skills,
    profession: row.profession,
    availability: row.availability,
    postcode: row.postcode,
    maxMentees: row.max_mentees,
    activeMentorships: Number(row.active_mentorships ?? 0),
    agreementSignedOn: row.agreement_signed_on,
    pledgeSignedOn: row.pledge_signed_on,
    certificateIssuedOn: row.certificate_issued_on,
    onboardingGaps: onboardingGaps(
      { agreementSignedOn: row.agreement_signed_on, pledgeSignedOn: row.pledge_signed_on, certificateIssuedOn: row.certificate_issued_on },
      rule,
      on,
    ),
    status: row.status,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The onboarding rule of onboarding.ts as SQL, for the list's filter: the two must agree. */
function onboardedOn(eb: ExpressionBuilder<DB, 'volunteers' | 'organisations'>, rule: OnboardingRule, on: string) {
  const signed = [eb('volunteers.agreement_signed_on', '<=', on), eb('volunteers.pledge_signed_on', '<=', on)];
  if (!rule.certificateRequired) return eb.and(signed);
  return eb.and([
    ...signed,
    eb('volunteers.certificate_issued_on', '<=', on),
    eb(sql<string>`(volunteers.certificate_issued_on + make_interval(months => ${rule.certificateMaxAgeMonths}))::date`, '>=', on),
  ]);
}

export async function listVolunteers(db: Db, networkId: string, query: VolunteerListQuery, rule: OnboardingRule, on: string) {
  let base = baseSelect(db, networkId);
  if (query.status) base = base.where('volunteers.status', '=', query.status);
  if (query.organisationId) base = base.where('volunteers.organisation_id', '=', query.organisationId);
  if (query.language) base = base.where(sql<boolean>`${query.language.toLowerCase()} = ANY(volunteers.languages)`);
  if (query.onboarded === 'yes') base = base.where((eb) => onboardedOn(eb, rule, on));
  // A missing date makes the comparison null, not false: coalesce, or the not-onboarded would vanish.
  if (query.onboarded === 'no') base = base.where((eb) => eb.not(eb.fn.coalesce(onboardedOn(eb, rule, on), eb.val(false))));
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) => eb.or([eb('volunteers.display_name', 'ilike', pattern), eb('volunteers.profession', 'ilike', pattern)]));
  }
  const [rows, count] = await Promise.all([
    selectView(base)
      .orderBy(sortColumn[query.sort], query.order)
      .orderBy('volunteers.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The volunteer groups of the network, by id: a profile belongs to one of them. */
export async function isVolunteerGroup(db: Db | Tx, networkId: string, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('network_id', '=', networkId)
    .where('id', '=', organisationId)
    .where('kind', '=', 'volunteer_group')
    .executeTakeFirst();
  return !!row;
}

/** Whether the user of the network is a mentor of that group: only such a login fits a profile. */
export async function isMentorOfGroup(db: Db | Tx, networkId: string, userId: string, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'mentor')
    .executeTakeFirst();
  return !!row;
}

/** The volunteer groups of the network and the users with the mentor role in each. */
export async function listGroups(db: Db, networkId: string) {
  const [groups, mentors] = await Promise.all([
    db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('network_id', '=', networkId)
      .where('kind', '=', 'volunteer_group')
      .orderBy('name')
      .execute(),
    db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .leftJoin('volunteers', 'volunteers.user_id', 'users.id')
      .select(['memberships.organisation_id', 'users.id', 'users.display_name', 'volunteers.id as volunteer_id'])
      .where('memberships.network_id', '=', networkId)
      .where('memberships.role', '=', 'mentor')
      .orderBy('users.display_name')
      .execute(),
  ]);
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    mentors: mentors
      .filter((m) => m.organisation_id === g.id)
      .map((m) => ({ userId: m.id, displayName: m.display_name, hasProfile: m.volunteer_id !== null })),
  }));
}
