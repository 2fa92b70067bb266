import { createOtherNetwork } from './factories.ts';
import { hashPassword } from '../../server/modules/auth/passwords.ts';
import type { Db } from '../../server/db/database.ts';

// For tests: a small network whose every dashboard figure was counted by hand (server/modules/reports/programme.test.ts
// says what each person proves). Written straight into the tables, with the dates the rules need.

export const FIXTURE_PASSWORD = 'programme-fixture-password';

interface PlacementSpec {
  starts: string;
  kind?: 'employment' | 'apprenticeship' | 'marginal_employment' | 'self_employment';
  firstLabourMarket?: boolean;
}
interface CaseSpec {
  entry: string | null;
  exit?: string;
  inB?: boolean;
  fundingPeriod?: boolean;
  intakeOn?: string;
  planOn?: string;
  referral?: 'sent' | 'draft';
  proposal?: boolean;
  placements?: PlacementSpec[];
}
export interface PersonSpec {
  name: string;
  gender: 'female' | 'male' | 'non_binary' | 'not_stated';
  birth: string | null;
  german?: string;
  residence?: string;
  mergedInto?: string;
  cases: CaseSpec[];
}

export async function buildProgrammeNetwork(db: Db, slug: string) {
  const base = await createOtherNetwork(db, slug);
  const net = base.networkId;
  const insert = <T extends 'cities' | 'organisations' | 'funding_periods' | 'users'>(table: T, values: Record<string, unknown>) =>
    db
      .insertInto(table)
      .values({ network_id: net, ...values } as never)
      .returning('id')
      .executeTakeFirstOrThrow() as Promise<{ id: string }>;
  const cityB = await insert('cities', { name: 'Solingen' });
  const partner = await insert('organisations', { kind: 'partner', name: 'Jobcoaching Fixture' });
  const employer = await insert('organisations', { kind: 'employer', name: 'Fixture GmbH' });
  const period = await insert('funding_periods', { name: 'ESF+ 2025', starts_on: '2025-01-01', ends_on: '2025-12-31' });
  const analyst = await insert('users', {
    email: `analyst@${slug}.example`,
    display_name: 'Analyst',
    password_hash: await hashPassword(FIXTURE_PASSWORD),
  });
  await db.insertInto('memberships').values({ network_id: net, user_id: analyst.id, organisation_id: null, role: 'analyst' }).execute();
  const vacancy = await db
    .insertInto('vacancies')
    .values({ network_id: net, employer_id: employer.id, kind: 'job', title: 'Lager' } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const fx = {
    ...base,
    cityBId: cityB.id,
    partnerId: partner.id,
    employerId: employer.id,
    fundingPeriodId: period.id,
    analystEmail: `analyst@${slug}.example`,
  };

  const add = async (spec: PersonSpec): Promise<string> => {
    const person = await db
      .insertInto('participants')
      .values({
        network_id: net,
        office_id: fx.officeId,
        given_names: spec.name,
        family_name: 'Fixture',
        birth_date: spec.birth,
        gender: spec.gender,
        german_level: spec.german ?? null,
        merged_into: spec.mergedInto ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (spec.residence)
      await db
        .insertInto('residence_statuses')
        .values({ network_id: net, participant_id: person.id, title: spec.residence, work_clause: 'permitted' } as never)
        .execute();
    for (const c of spec.cases) {
      const kase = await db
        .insertInto('cases')
        .values({
          network_id: net,
          participant_id: person.id,
          office_id: fx.officeId,
          status: c.exit ? 'closed' : 'active',
          city_id: c.inB ? fx.cityBId : fx.cityId,
          funding_period_id: c.fundingPeriod ? fx.fundingPeriodId : null,
          entry_date: c.entry,
          exit_date: c.exit ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const ids = { network_id: net, participant_id: person.id, case_id: kase.id };
      if (c.intakeOn)
        await db
          .insertInto('intakes')
          .values({ ...ids, conducted_on: c.intakeOn, sections: '{}' })
          .execute();
      if (c.planOn)
        await db
          .insertInto('plan_versions')
          .values({ ...ids, number: 1, state: 'current', discussed_on: c.planOn, finalised_at: `${c.planOn}T10:00:00Z` })
          .execute();
      if (c.referral)
        await db
          .insertInto('referrals')
          .values({
            ...ids,
            partner_organisation_id: fx.partnerId,
            state: c.referral,
            starts_on: c.entry ?? '2025-01-01',
            ends_on: '2025-12-31',
            categories: ['contact'],
            contact_name: 'Fallmanagement',
            sent_at: c.referral === 'sent' ? `${c.entry}T12:00:00Z` : null,
          })
          .execute();
      if (c.proposal)
        await db
          .insertInto('proposals')
          .values({
            network_id: net,
            vacancy_id: vacancy.id,
            employer_id: fx.employerId,
            participant_id: person.id,
            office_id: fx.officeId,
            stage_on: c.entry ?? '2025-01-01',
            created_at: `${c.entry}T12:00:00Z`,
          })
          .execute();
      for (const p of c.placements ?? [])
        await db
          .insertInto('placements')
          .values({
            ...ids,
            office_id: fx.officeId,
            kind: p.kind ?? 'employment',
            first_labour_market: p.firstLabourMarket ?? true,
            starts_on: p.starts,
            occupation: 'Lagerlogistik',
          })
          .execute();
    }
    return person.id;
  };
  return { ...fx, add };
}

/**
 * Mentorships and offer enrolments for the fixture's people (by given name), counted by hand in
 * programme.test.ts: Anna's mentorship runs, Ben's ended before the period, Gregor is no participant;
 * Carla completed an offer with a certificate, Emre dropped out of it, Farah enrols only after the
 * period, Lena waits, Dilan completed one before the period.
 */
export async function addSupportFixture(db: Db, fx: Awaited<ReturnType<typeof buildProgrammeNetwork>>) {
  const net = fx.networkId;
  const people = await db
    .selectFrom('participants')
    .select(['id', 'given_names', 'current_case_id'])
    .where('network_id', '=', net)
    .where('merged_into', 'is', null)
    .execute();
  const person = (name: string) => people.find((p) => p.given_names === name)!;
  const group = await db
    .insertInto('organisations')
    .values({ network_id: net, kind: 'volunteer_group', name: 'Paten Fixture' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const volunteer = await db
    .insertInto('volunteers')
    .values({ network_id: net, organisation_id: group.id, display_name: 'Pate Fixture', max_mentees: 5 } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const mentorship = (name: string, starts: string, ends: string | null) =>
    db
      .insertInto('mentorships')
      .values({
        network_id: net,
        volunteer_id: volunteer.id,
        participant_id: person(name).id,
        office_id: fx.officeId,
        kind: 'participant',
        starts_on: starts,
        ends_on: ends,
        end_reason: ends ? 'goals_reached' : null,
      } as never)
      .execute();
  await mentorship('Anna', '2024-12-01', null);
  await mentorship('Ben', '2024-06-01', '2024-12-31');
  await mentorship('Gregor', '2025-03-01', null);
  const offer = await db
    .insertInto('offers')
    .values({
      network_id: net,
      provider_organisation_id: fx.partnerId,
      kind: 'qualification',
      title: 'Lagerlogistik',
      starts_on: '2024-10-01',
      ends_on: '2025-12-31',
      capacity: 20,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const enrol = (name: string, values: Record<string, unknown>) =>
    db
      .insertInto('offer_enrolments')
      .values({
        network_id: net,
        offer_id: offer.id,
        participant_id: person(name).id,
        case_id: person(name).current_case_id,
        office_id: fx.officeId,
        ...values,
      } as never)
      .execute();
  await enrol('Carla', { state: 'completed', enrolled_at: '2025-02-01T09:00:00Z', completed_on: '2025-05-31', certificate: true });
  await enrol('Emre', { state: 'dropped_out', enrolled_at: '2025-03-01T09:00:00Z', ended_on: '2025-03-20', end_reason: 'moved' });
  await enrol('Farah', { state: 'enrolled', enrolled_at: '2025-08-01T09:00:00Z' });
  await enrol('Lena', { state: 'waiting' });
  await enrol('Dilan', { state: 'completed', enrolled_at: '2024-10-01T09:00:00Z', completed_on: '2024-12-15', certificate: false });
}
