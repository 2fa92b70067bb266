import type { Db } from '../db/database.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { createNetwork } from '../modules/networks/networks.service.ts';
import { loadDemoApprenticeships } from './apprenticeships-demo.ts';
import { loadDemoCycle } from './cycle-demo.ts';
import { loadDemoJobs } from './jobs-demo.ts';
import { loadDemoOffers } from './offers-demo.ts';
import { loadDemoMentorships } from './mentorships-demo.ts';
import {
  CITIES,
  DEMO_PASSWORD,
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  ORGANISATIONS,
  USERS,
  type OrganisationKey,
} from './demo-data.ts';

export const DEMO_SLUG = 'demo';
const STATUSES = ['invited', 'active', 'active', 'active', 'paused', 'placed', 'placed', 'closed', 'dropped_out'] as const;
const NATIONALITIES = ['SY', 'AF', 'IQ', 'ER', 'UA', 'TR', 'IR'] as const;
const GERMAN_LEVELS = ['none', 'A1', 'A2', 'A2', 'B1', 'B1', 'B2', 'C1'] as const;
const RESIDENCE = [
  ['aufenthaltsgestattung', null, 'permission_required'],
  ['duldung', '§ 60a', 'permission_required'],
  ['ausbildungsduldung', '§ 60c', 'permitted'],
  ['aufenthaltserlaubnis', '§ 25 Abs. 2', 'permitted'],
  ['aufenthaltserlaubnis', '§ 16g', 'permitted'],
  ['temporary_protection', '§ 24', 'permitted'],
  ['duldung', '§ 60a', 'not_permitted'],
] as const;

/** A small deterministic generator, so every fresh demo holds the same people. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Loads the demo network unless it exists. Returns whether it loaded anything. `cycle`
 * adds plans, referrals and appointments (tests that do not need them leave it out, it
 * takes a second or two).
 */
export async function loadDemoData(db: Db, options: { participants?: number; cycle?: boolean } = {}): Promise<boolean> {
  const { participants: participantCount = 60, cycle = true } = options;
  const exists = await db.selectFrom('networks').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
  if (exists) return false;

  const [admin, ...others] = USERS;
  const { networkId, adminId } = await createNetwork(db, {
    slug: DEMO_SLUG,
    name: 'Netzwerk Partizipation Bergisches Land (Demo)',
    adminEmail: admin!.email,
    adminName: admin!.displayName,
    adminPassword: DEMO_PASSWORD,
  });
  const hashes = await Promise.all(others.map(() => hashPassword(DEMO_PASSWORD)));
  const next = random(20261122);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

  await db.transaction().execute(async (tx) => {
    const cityIds = new Map<string, string>();
    for (const name of CITIES) {
      const { id } = await tx.insertInto('cities').values({ network_id: networkId, name }).returning('id').executeTakeFirstOrThrow();
      cityIds.set(name, id);
    }
    const orgIds = new Map<OrganisationKey, string>();
    for (const o of ORGANISATIONS) {
      const { id } = await tx
        .insertInto('organisations')
        .values({
          network_id: networkId,
          kind: o.kind,
          name: o.name,
          description: o.description,
          city_id: o.city ? cityIds.get(o.city)! : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgIds.set(o.key, id);
    }
    const userIds = new Map<string, string>([[admin!.email, adminId]]);
    for (const [i, u] of others.entries()) {
      const { id } = await tx
        .insertInto('users')
        .values({ network_id: networkId, email: u.email, display_name: u.displayName, password_hash: hashes[i]! })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.set(u.email, id);
      await tx
        .insertInto('memberships')
        .values(
          u.roles.map((r) => ({
            network_id: networkId,
            user_id: id,
            role: r.role,
            organisation_id: r.organisation ? orgIds.get(r.organisation)! : null,
          })),
        )
        .execute();
    }

    const periods = [];
    for (const [name, starts, ends] of [
      ['ESF+ 2024–2025', '2024-01-01', '2025-12-31'],
      ['ESF+ 2026–2027', '2026-01-01', '2027-12-31'],
    ] as const) {
      periods.push(
        await tx
          .insertInto('funding_periods')
          .values({ network_id: networkId, name, starts_on: starts, ends_on: ends })
          .returning(['id', 'starts_on'])
          .executeTakeFirstOrThrow(),
      );
    }
    const offices = [
      { office: orgIds.get('officeWuppertal')!, city: cityIds.get('Wuppertal')!, manager: userIds.get('fallmanager@lotse.example')! },
      {
        office: orgIds.get('officeSolingen')!,
        city: cityIds.get('Solingen')!,
        manager: userIds.get('fallmanager.solingen@lotse.example')!,
      },
    ];
    const today = new Date();
    for (let i = 0; i < participantCount; i++) {
      // Two thirds in Wuppertal, the larger city.
      const { office, city, manager } = offices[i % 3 === 2 ? 1 : 0]!;
      const gender = next() < 0.43 ? 'female' : next() < 0.97 ? 'male' : 'non_binary';
      const given = pick(gender === 'female' ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE);
      const age = 18 + Math.floor(next() * 40);
      const birth = new Date(Date.UTC(today.getUTCFullYear() - age, Math.floor(next() * 12), 1 + Math.floor(next() * 28)));
      const entry = new Date(today.getTime() - Math.floor(next() * 700) * 86400_000);
      const status = pick(STATUSES);
      const exited = status === 'placed' || status === 'closed' || status === 'dropped_out';
      const { id } = await tx
        .insertInto('participants')
        .values({
          network_id: networkId,
          office_id: office,
          given_names: given,
          family_name: pick(FAMILY_NAMES),
          birth_date: isoDate(birth),
          gender,
          nationality: pick(NATIONALITIES),
          german_level: pick(GERMAN_LEVELS),
          interpreter_needed: next() < 0.3,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const exitReason =
        status === 'placed'
          ? pick(['placed_employment', 'placed_apprenticeship'])
          : status === 'closed'
            ? 'moved_away'
            : exited
              ? 'no_contact'
              : null;
      const theCase = await tx
        .insertInto('cases')
        .values({
          network_id: networkId,
          participant_id: id,
          office_id: office,
          status,
          case_manager_id: manager,
          city_id: city,
          funding_period_id: isoDate(entry) >= periods[1]!.starts_on ? periods[1]!.id : periods[0]!.id,
          entry_date: status === 'invited' ? null : isoDate(entry),
          exit_date: exited ? isoDate(new Date(Math.min(today.getTime(), entry.getTime() + 180 * 86400_000 * (1 + next())))) : null,
          exit_reason: exitReason,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Most people have a residence document on file; some expire within weeks.
      if (next() < 0.85) {
        const [title, paragraph, clause] = pick(RESIDENCE);
        // Some expired or expiring within weeks, never before the document began.
        const validUntil = new Date(
          Math.max(entry.getTime() + 90 * 86400_000, today.getTime() + Math.floor(next() * 500 - 30) * 86400_000),
        );
        await tx
          .insertInto('residence_statuses')
          .values({
            network_id: networkId,
            participant_id: id,
            title,
            paragraph,
            work_clause: clause,
            valid_from: isoDate(entry),
            valid_until: isoDate(validUntil),
            entry_date: isoDate(new Date(entry.getTime() - 200 * 86400_000)),
          })
          .execute();
      }
      // Active people mostly consented to share with the job coaching partner; some have an intake.
      if (status === 'active' && next() < 0.7) {
        await tx
          .insertInto('consents')
          .values({
            network_id: networkId,
            participant_id: id,
            recipient_organisation_id: orgIds.get('jobCoaching')!,
            categories: ['contact', 'education_work', 'plan_progress'],
            form_version: '2026-11',
            language: pick(['de', 'ar', 'en']),
            given_on: isoDate(entry),
            method: 'signed_form',
            recorded_by: manager,
          })
          .execute();
      }
      if (status !== 'invited' && next() < 0.5) {
        const sections = {
          education: { schoolYears: 6 + Math.floor(next() * 8), iscedLevel: pick([1, 2, 3, 3, 4, 6]) },
          labourMarket: { statusAtEntry: pick(['unemployed', 'long_term_unemployed', 'inactive']) },
          goals: {
            ownGoals: null,
            desiredOccupations: [pick(['Lagerlogistik', 'Pflegehilfe', 'Bäckerei', 'Elektroinstallation', 'Küche'])],
          },
        };
        await tx
          .insertInto('intakes')
          .values({
            network_id: networkId,
            participant_id: id,
            case_id: theCase.id,
            sections: JSON.stringify(sections),
            conducted_on: isoDate(entry),
          })
          .execute();
      }
    }

    // One person recorded twice under two spellings, for the duplicate review list.
    const wuppertal = offices[0]!;
    for (const [given, family] of [
      ['Mohammed', 'Al-Hassan'],
      ['Muhammad', 'Hassan'],
    ] as const) {
      const { id } = await tx
        .insertInto('participants')
        .values({
          network_id: networkId,
          office_id: wuppertal.office,
          given_names: given,
          family_name: family,
          birth_date: '1989-03-14',
          gender: 'male',
          nationality: 'SY',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('cases')
        .values({
          network_id: networkId,
          participant_id: id,
          office_id: wuppertal.office,
          status: 'invited',
          case_manager_id: wuppertal.manager,
          city_id: wuppertal.city,
        })
        .execute();
    }
    await recordAudit(
      tx,
      { networkId, actor: null, requestId: 'demo' },
      { action: 'demo.load', entityType: 'network', entityId: networkId, details: { participants: participantCount + 2 } },
    );
  });
  if (cycle) {
    await loadDemoCycle(db, networkId);
    await loadDemoJobs(db, networkId);
    await loadDemoOffers(db, networkId);
    await loadDemoMentorships(db, networkId);
    await loadDemoApprenticeships(db, networkId);
  }
  return true;
}
