import { createOtherNetwork } from '../../../test/support/factories.ts';
import type { Db } from '../../db/database.ts';

// The ESF+ test fixture (used by esf.test.ts): a small network whose every ESF+ figure was counted by hand from the rules in
// docs/indicators/esf-plus.md. The period is the first half of 2025.
export const PERIOD = { from: '2025-01-01', to: '2025-06-30' };

type Answer = 'yes' | 'no' | 'no_answer';
const esf = (all: Answer, own: Record<string, Answer> = {}) => ({
  disability: all,
  homelessOrHousingExclusion: all,
  ruralArea: all,
  foreignBackground: all,
  minority: all,
  singleParent: all,
  ...own,
});
const lm = (statusAtEntry: string, unemployedSince?: string) => ({ statusAtEntry, unemployedSince });
const edu = (iscedLevel: number) => ({ iscedLevel });

interface PlacementSpec {
  starts: string;
  kind?: 'employment' | 'apprenticeship' | 'marginal_employment' | 'self_employment';
  firstLabourMarket?: boolean;
  day28?: [string, boolean];
  month6?: [string, boolean];
}
interface CaseSpec {
  entry: string | null;
  exit?: string;
  reason?: string;
  secondCity?: boolean;
  fundingPeriod?: boolean;
  intake?: Record<string, unknown>;
  placements?: PlacementSpec[];
  /** The situation on leaving, as the case manager recorded it. */
  leaving?: { jobSearching?: boolean; inEducationOrTraining?: boolean; qualificationGained?: boolean };
}
interface PersonSpec {
  name: string;
  gender: 'female' | 'male' | 'non_binary' | 'not_stated';
  birth: string | null;
  nationality?: string;
  mergedInto?: string;
  cases: CaseSpec[];
}

export type Fixture = Awaited<ReturnType<typeof createOtherNetwork>> & { secondCityId: string; fundingPeriodId: string };

async function addPerson(db: Db, fx: Fixture, spec: PersonSpec): Promise<string> {
  const person = await db
    .insertInto('participants')
    .values({
      network_id: fx.networkId,
      office_id: fx.officeId,
      given_names: spec.name,
      family_name: 'Fixture',
      birth_date: spec.birth,
      gender: spec.gender,
      nationality: spec.nationality ?? null,
      merged_into: spec.mergedInto ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const c of spec.cases) {
    const kase = await db
      .insertInto('cases')
      .values({
        network_id: fx.networkId,
        participant_id: person.id,
        office_id: fx.officeId,
        status: c.exit ? 'closed' : 'active',
        city_id: c.secondCity ? fx.secondCityId : fx.cityId,
        funding_period_id: c.fundingPeriod ? fx.fundingPeriodId : null,
        entry_date: c.entry,
        exit_date: c.exit ?? null,
        exit_reason: c.reason ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (c.intake)
      await db
        .insertInto('intakes')
        .values({ network_id: fx.networkId, participant_id: person.id, case_id: kase.id, sections: JSON.stringify(c.intake) })
        .execute();
    if (c.leaving)
      await db
        .insertInto('leaving_situations')
        .values({
          case_id: kase.id,
          network_id: fx.networkId,
          job_searching: c.leaving.jobSearching ?? false,
          in_education_or_training: c.leaving.inEducationOrTraining ?? false,
          qualification_gained: c.leaving.qualificationGained ?? false,
          recorded_by: null,
        })
        .execute();
    for (const p of c.placements ?? []) {
      const placement = await db
        .insertInto('placements')
        .values({
          network_id: fx.networkId,
          participant_id: person.id,
          case_id: kase.id,
          office_id: fx.officeId,
          kind: p.kind ?? 'employment',
          first_labour_market: p.firstLabourMarket ?? true,
          starts_on: p.starts,
          occupation: 'Lagerlogistik',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [kind, check] of [['day_28', p.day28] as const, ['month_6', p.month6] as const])
        await db
          .insertInto('placement_follow_ups')
          .values({
            network_id: fx.networkId,
            placement_id: placement.id,
            kind,
            due_on: p.starts,
            checked_on: check?.[0] ?? null,
            still_employed: check?.[1] ?? null,
          })
          .execute();
    }
  }
  return person.id;
}

/** The people of the fixture; the comments say what each one is there to prove. */
export async function buildFixture(db: Db): Promise<Fixture & { ids: string[] }> {
  const base = await createOtherNetwork(db, 'esf-fixture');
  const second = await db
    .insertInto('cities')
    .values({ network_id: base.networkId, name: 'Solingen' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const period = await db
    .insertInto('funding_periods')
    .values({ network_id: base.networkId, name: 'ESF+ 2025', starts_on: '2025-01-01', ends_on: '2025-12-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const fx: Fixture = { ...base, secondCityId: second.id, fundingPeriodId: period.id };
  const add = (spec: PersonSpec) => addPerson(db, fx, spec);
  // (createOtherNetwork's Amal has a case without an entry date: not counted.)
  const anna = await add({
    // 17 at entry; in education counts as inactive; ISCED 2; minority: no answer; Syrian: a third-country national.
    name: 'Anna',
    nationality: 'SY',
    gender: 'female',
    birth: '2007-09-15',
    cases: [
      { entry: '2025-02-01', intake: { labourMarket: lm('in_education'), education: edu(2), esf: esf('no', { minority: 'no_answer' }) } },
    ],
  });
  const ids = [
    anna,
    // 25 at entry, unemployed four months (not long-term); ISCED 4; left into a job on the day, still employed six months on.
    await add({
      name: 'Ben',
      nationality: 'AFG',
      gender: 'male',
      birth: '2000-01-10',
      cases: [
        {
          entry: '2025-03-01',
          exit: '2025-04-15',
          reason: 'placed_employment',
          fundingPeriod: true,
          intake: { labourMarket: lm('unemployed', '2024-11-01'), education: edu(4), esf: esf('no', { foreignBackground: 'yes' }) },
          placements: [{ starts: '2025-04-15', day28: ['2025-05-13', true], month6: ['2025-10-15', true] }],
        },
      ],
    }),
    // 56 at entry, long-term unemployed as recorded; ISCED 6; disability.
    await add({
      name: 'Carla',
      nationality: 'DE',
      gender: 'female',
      birth: '1968-05-05',
      cases: [
        {
          entry: '2025-01-20',
          intake: { labourMarket: lm('long_term_unemployed'), education: edu(6), esf: esf('no', { disability: 'yes' }) },
        },
      ],
    }),
    // 29, unemployed for 19 months (long-term by the 12-month rule); ISCED 3; homeless; left into training.
    await add({
      name: 'Dilan',
      nationality: 'UA',
      gender: 'non_binary',
      birth: '1995-03-03',
      cases: [
        {
          entry: '2025-01-10',
          exit: '2025-03-31',
          reason: 'education_or_training',
          intake: {
            labourMarket: lm('unemployed', '2023-06-01'),
            education: edu(3),
            esf: esf('no', { homelessOrHousingExclusion: 'yes' }),
          },
        },
      ],
    }),
    // Enters twice in the period (counted once, as at the first entry), leaves in between and comes back:
    // back in support at the end of the period, so not a leaver.
    await add({
      name: 'Emre',
      nationality: 'TR',
      gender: 'male',
      birth: '1990-07-07',
      cases: [
        {
          entry: '2025-01-15',
          exit: '2025-02-28',
          reason: 'no_contact',
          intake: { labourMarket: lm('unemployed'), education: edu(2), esf: esf('no', { ruralArea: 'yes' }) },
        },
        { entry: '2025-05-01', intake: { labourMarket: lm('employed'), education: edu(5), esf: esf('yes') } },
      ],
    }),
    // Entered in 2024, left, came back in the period: one participation that began in 2024, so
    // neither an entrant nor (back in support) a leaver of the period.
    await add({
      name: 'Farah',
      gender: 'female',
      birth: '1985-12-12',
      cases: [
        {
          entry: '2024-03-01',
          exit: '2024-10-01',
          reason: 'other',
          intake: { labourMarket: lm('unemployed'), education: edu(8), esf: esf('no') },
        },
        {
          entry: '2025-04-01',
          intake: { labourMarket: lm('self_employed'), esf: esf('no', { foreignBackground: 'yes', minority: 'yes' }) },
        },
      ],
    }),
    // Enters on the last day of the period; 65; ISCED 1; declined every ESF question; stateless (XXA): third-country.
    await add({
      name: 'Gregor',
      nationality: 'XXA',
      gender: 'male',
      birth: '1960-01-01',
      cases: [{ entry: '2025-06-30', intake: { labourMarket: lm('inactive'), education: edu(1), esf: esf('no_answer') } }],
    }),
    // No birth date: age unknown (and the 12-month rule); ISCED 0; disability: no answer; nationality unknown (XXX).
    await add({
      name: 'Hana',
      nationality: 'XXX',
      gender: 'female',
      birth: null,
      cases: [
        {
          entry: '2025-06-01',
          intake: { labourMarket: lm('unemployed', '2025-01-01'), education: edu(0), esf: esf('no', { disability: 'no_answer' }) },
        },
      ],
    }),
    // 21: unemployed for seven months is long-term under 25; rural; left into an apprenticeship, six months not yet checked.
    await add({
      name: 'Ivan',
      gender: 'not_stated',
      birth: '2003-05-20',
      cases: [
        {
          entry: '2025-02-10',
          exit: '2025-05-20',
          reason: 'placed_apprenticeship',
          intake: { labourMarket: lm('unemployed', '2024-07-01'), education: edu(3), esf: esf('no', { ruralArea: 'yes' }) },
          placements: [{ starts: '2025-05-20', kind: 'apprenticeship' }],
        },
      ],
    }),
    // Entered before the period, left in it; a job 23 days after leaving; not employed six months on.
    await add({
      name: 'Jana',
      gender: 'female',
      birth: '1998-08-08',
      cases: [
        {
          entry: '2024-11-01',
          exit: '2025-02-15',
          reason: 'moved_away',
          placements: [{ starts: '2025-03-10', day28: ['2025-04-07', true], month6: ['2025-09-10', false] }],
        },
      ],
    }),
    // Left in the period; a job 35 days after leaving (too late) and one off the first labour market (does not count).
    await add({
      name: 'Karl',
      gender: 'male',
      birth: '1980-02-02',
      cases: [
        {
          entry: '2024-06-01',
          exit: '2025-03-01',
          reason: 'other',
          placements: [{ starts: '2025-04-05' }, { starts: '2025-03-10', firstLabourMarket: false }],
        },
      ],
    }),
    // ISCED 7, disability; a mini-job before leaving that the 28-day follow-up found ended before the exit.
    await add({
      name: 'Lena',
      nationality: 'PL',
      gender: 'female',
      birth: '1992-04-04',
      cases: [
        {
          entry: '2025-03-15',
          exit: '2025-06-20',
          reason: 'other',
          intake: { labourMarket: lm('employed'), education: edu(7), esf: esf('no', { disability: 'yes' }) },
          placements: [{ starts: '2025-04-01', kind: 'marginal_employment', day28: ['2025-04-29', false] }],
        },
      ],
    }),
    // A merged-away duplicate of Anna: not a person of its own, whatever its case says.
    await add({
      name: 'Mia',
      gender: 'female',
      birth: '2007-01-01',
      mergedInto: anna,
      cases: [{ entry: '2025-02-01', exit: '2025-03-01', reason: 'education_or_training', intake: { labourMarket: lm('unemployed') } }],
    }),
    // Enters the day after the period: not counted.
    await add({ name: 'Nora', gender: 'female', birth: '1975-05-05', cases: [{ entry: '2025-07-01' }] }),
    // The second city and the funding period; an intake without the ESF section; left into training.
    // (Remaining people: see below the list.)
    await add({
      name: 'Pia',
      nationality: 'ERI',
      gender: 'female',
      birth: '1999-09-09',
      cases: [
        {
          entry: '2025-03-03',
          exit: '2025-05-05',
          reason: 'education_or_training',
          secondCity: true,
          fundingPeriod: true,
          intake: { labourMarket: lm('unemployed'), education: edu(4) },
        },
      ],
    }),
    // Took part in 2024 and came back in 2025: a leaver of 2025 with the final exit's results (looking for
    // work), not those of the first exit (a placement six months on); an entrant of 2024, not 2025.
    await add({
      name: 'Omar',
      gender: 'male',
      birth: '1983-03-03',
      nationality: 'SYR',
      cases: [
        {
          entry: '2024-05-01',
          exit: '2024-09-01',
          reason: 'placed_employment',
          placements: [{ starts: '2024-09-01', day28: ['2024-09-29', true], month6: ['2025-03-01', true] }],
        },
        { entry: '2025-01-05', exit: '2025-06-10', reason: 'other', leaving: { jobSearching: true } },
      ],
    }),
    // 36, German (not third-country), unemployed three months, ISCED 3, minority and foreign background;
    // left with the exit reason "other" and a recorded situation: in training, qualification gained.
    await add({
      name: 'Rosa',
      gender: 'female',
      birth: '1988-08-20',
      nationality: 'DE',
      cases: [
        {
          entry: '2025-02-20',
          exit: '2025-05-31',
          reason: 'other',
          intake: {
            labourMarket: lm('unemployed', '2024-12-01'),
            education: edu(3),
            esf: esf('no', { minority: 'yes', foreignBackground: 'yes' }),
          },
          leaving: { inEducationOrTraining: true, qualificationGained: true },
        },
      ],
    }),
  ];
  // 2023: six women and one man, no intake — for the derivable cell under the default threshold.
  for (const [i, gender] of (['female', 'female', 'female', 'female', 'female', 'female', 'male'] as const).entries())
    ids.push(await add({ name: `Kohorte${i}`, gender, birth: '1990-01-01', cases: [{ entry: '2023-03-01' }] }));
  return { ...fx, ids };
}
