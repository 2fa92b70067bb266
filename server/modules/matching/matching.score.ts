import { distanceKm, type Coordinates } from '../geo/postcodes.ts';
import { CEFR_LEVELS } from '../participants/participants.schemas.ts';
import type { Exclusion, MatchFlag, MatchReasons, Reachability } from './matching.schemas.ts';

// The matching rule as a pure function: whether a candidate may be proposed at all, the
// flags to raise, and a score of 0–100 made of parts that each say why. Matching of a
// whole network calls `assess` millions of times, so it works on prepared facts and
// builds the explanation (`explain`) only for the results shown.

type Cefr = (typeof CEFR_LEVELS)[number];
type WorkClause = 'permitted' | 'permission_required' | 'not_permitted';
type Employability = 'fit' | 'fit_with_restrictions' | 'not_fit_for_now';

export interface CandidateFacts {
  participantId: string;
  name: string;
  skillIds: ReadonlySet<string>;
  germanLevel: Cefr | null;
  /** Holds a licence for cars (B or a class that includes it). */
  carLicence: boolean;
  reachability: Reachability | null;
  coordinates: Coordinates | null;
  childcareNeeded: boolean | null;
  maxHoursPerWeek: number | null;
  availableFrom: string | null;
  /** false: said no to shift or weekend work; null: not asked. */
  shiftWork: boolean | null;
  weekendWork: boolean | null;
  /** The current residence document's clause; null when none is recorded. */
  workClause: WorkClause | null;
  employability: Employability | null;
}

export interface VacancyFacts {
  vacancyId: string;
  requiredSkillIds: readonly string[];
  germanLevel: Cefr | null;
  drivingLicence: boolean;
  shiftWork: boolean;
  weekendWork: boolean;
  coordinates: Coordinates | null;
  hoursPerWeek: number | null;
  startsOn: string | null;
}

export const MAX_POINTS = { skills: 40, germanLevel: 20, distance: 15, hours: 10, start: 5, conditions: 10 } as const;

/** How far one gets to work, in km, by means of travel; unknown counts as public transport. */
export const REACH_KM: Record<Reachability, number> = { car: 50, public_transport: 30, bike: 10 };
const reachOf = (r: Reachability | null) => REACH_KM[r ?? 'public_transport'];

/** Why a candidate may not be proposed for any work now, or null. */
export function exclusionOf(c: CandidateFacts): Exclusion | null {
  if (c.workClause === 'not_permitted') return 'work_not_permitted';
  if (c.employability === 'not_fit_for_now') return 'restriction_applies';
  return null;
}

export function flagsOf(c: CandidateFacts): MatchFlag[] {
  const flags: MatchFlag[] = [];
  if (c.workClause === 'permission_required') flags.push('permission_required');
  if (c.workClause === null) flags.push('residence_unknown');
  if (c.employability === 'fit_with_restrictions') flags.push('restriction_applies');
  return flags;
}

export interface Assessment {
  score: number;
  skills: number;
  matchedSkills: number;
  germanLevel: number;
  distanceKm: number | null;
  distance: number;
  hours: number;
  start: number;
  conditions: number;
}

export function assess(c: CandidateFacts, v: VacancyFacts): Assessment {
  const km = kmBetween(c, v);
  const a = {
    skills: skillPoints(c, v),
    matchedSkills: matchedSkills(c, v),
    germanLevel: germanPoints(c.germanLevel, v.germanLevel),
    distanceKm: km,
    distance: distancePoints(km, reachOf(c.reachability)),
    hours: hoursPoints(v.hoursPerWeek, c.maxHoursPerWeek, c.childcareNeeded),
    start: startPoints(v.startsOn, c.availableFrom),
    conditions: conditionPoints(c, v),
  };
  return { score: a.skills + a.germanLevel + a.distance + a.hours + a.start + a.conditions, ...a };
}

/** The same score as `assess`, without building its parts: for ranking millions of pairs. */
export function scoreOf(c: CandidateFacts, v: VacancyFacts): number {
  return (
    skillPoints(c, v) +
    germanPoints(c.germanLevel, v.germanLevel) +
    distancePoints(kmBetween(c, v), reachOf(c.reachability)) +
    hoursPoints(v.hoursPerWeek, c.maxHoursPerWeek, c.childcareNeeded) +
    startPoints(v.startsOn, c.availableFrom) +
    conditionPoints(c, v)
  );
}

const kmBetween = (c: CandidateFacts, v: VacancyFacts) =>
  c.coordinates && v.coordinates ? distanceKm(c.coordinates, v.coordinates) : null;

function matchedSkills(c: CandidateFacts, v: VacancyFacts): number {
  let matched = 0;
  for (const id of v.requiredSkillIds) if (c.skillIds.has(id)) matched++;
  return matched;
}

function skillPoints(c: CandidateFacts, v: VacancyFacts): number {
  const required = v.requiredSkillIds.length;
  return required === 0 ? MAX_POINTS.skills : Math.round((MAX_POINTS.skills * matchedSkills(c, v)) / required);
}

const CEFR_RANK = Object.fromEntries(CEFR_LEVELS.map((level, i) => [level, i])) as Record<Cefr, number>;

function germanPoints(actual: Cefr | null, required: Cefr | null): number {
  if (!required || required === 'none') return MAX_POINTS.germanLevel;
  if (!actual) return 5;
  const gap = CEFR_RANK[actual] - CEFR_RANK[required];
  return gap >= 0 ? MAX_POINTS.germanLevel : gap === -1 ? 10 : 0;
}

/** Full points next door, half at the limit of the person's reach, none beyond it. */
function distancePoints(km: number | null, limitKm: number): number {
  if (km === null) return 7;
  if (km > limitKm) return 0;
  return MAX_POINTS.distance - Math.round(7 * (km / limitKm));
}

function hoursPoints(required: number | null, available: number | null, childcareNeeded: boolean | null): number {
  if (required === null) return MAX_POINTS.hours;
  if (available !== null) return required <= available ? MAX_POINTS.hours : 0;
  // Not asked: full-time work with children to care for is the usual obstacle.
  return childcareNeeded && required > 30 ? 3 : 7;
}

function startPoints(startsOn: string | null, availableFrom: string | null): number {
  if (!startsOn || !availableFrom) return MAX_POINTS.start;
  return availableFrom <= startsOn ? MAX_POINTS.start : 0;
}

type Condition = 'ok' | 'missing' | 'not_required';
const condition = (required: boolean, met: boolean): Condition => (!required ? 'not_required' : met ? 'ok' : 'missing');
// Shift and weekend work count as fine unless the person said no.
const licenceMet = (c: CandidateFacts) => c.carLicence;
const shiftMet = (c: CandidateFacts) => c.shiftWork !== false;
const weekendMet = (c: CandidateFacts) => c.weekendWork !== false;

function conditionPoints(c: CandidateFacts, v: VacancyFacts): number {
  const required = +v.drivingLicence + +v.shiftWork + +v.weekendWork;
  if (required === 0) return MAX_POINTS.conditions;
  const met = +(v.drivingLicence && licenceMet(c)) + +(v.shiftWork && shiftMet(c)) + +(v.weekendWork && weekendMet(c));
  return Math.round((MAX_POINTS.conditions * met) / required);
}

export interface SkillLabel {
  id: string;
  labelDe: string;
  labelEn: string;
}

/** The reasons behind an assessment, in the shape the API returns. */
export function explain(c: CandidateFacts, v: VacancyFacts, a: Assessment, skills: ReadonlyMap<string, SkillLabel>): MatchReasons {
  const label = (id: string): SkillLabel => skills.get(id) ?? { id, labelDe: id, labelEn: id };
  const drivingLicence = condition(v.drivingLicence, licenceMet(c));
  const shiftWork = condition(v.shiftWork, shiftMet(c));
  const weekendWork = condition(v.weekendWork, weekendMet(c));
  return {
    skills: {
      points: a.skills,
      max: MAX_POINTS.skills,
      matched: v.requiredSkillIds.filter((id) => c.skillIds.has(id)).map(label),
      missing: v.requiredSkillIds.filter((id) => !c.skillIds.has(id)).map(label),
    },
    germanLevel: { points: a.germanLevel, max: MAX_POINTS.germanLevel, required: v.germanLevel, actual: c.germanLevel },
    distance: {
      points: a.distance,
      max: MAX_POINTS.distance,
      km: a.distanceKm,
      reachability: c.reachability,
      limitKm: reachOf(c.reachability),
    },
    hours: {
      points: a.hours,
      max: MAX_POINTS.hours,
      required: v.hoursPerWeek,
      available: c.maxHoursPerWeek,
      childcareNeeded: c.childcareNeeded,
    },
    start: { points: a.start, max: MAX_POINTS.start, startsOn: v.startsOn, availableFrom: c.availableFrom },
    conditions: { points: a.conditions, max: MAX_POINTS.conditions, drivingLicence, shiftWork, weekendWork },
  };
}
