import type { TFunction } from 'i18next';
import type { MatchReasons } from '../../../server/modules/matching/matching.schemas.ts';
import { formatDate, formatNumber } from '../../shared/i18n/format.ts';
import { skillLabel } from '../../shared/jobs/queries.ts';

// A match's reasons as readable sentences: one line for each aspect of the score, with its
// points. Pure (given t), so that it is unit-tested.

export type Aspect = keyof MatchReasons;
export const ASPECTS: Aspect[] = ['skills', 'germanLevel', 'distance', 'hours', 'start', 'conditions'];

export interface ReasonLine {
  aspect: Aspect;
  label: string;
  text: string;
  points: number;
  max: number;
}

/** Kilometres to one decimal, in the UI language. */
export function kilometres(km: number, language: string): string {
  return formatNumber(Math.round(km * 10) / 10, language);
}

function level(t: TFunction, value: string | null): string {
  if (value === null) return t('jobs.reasons.notRecorded');
  return value === 'none' ? t('jobs.reasons.noGerman') : value;
}

function skills(t: TFunction, r: MatchReasons['skills'], language: string): string {
  if (r.matched.length === 0 && r.missing.length === 0) return t('jobs.reasons.skillsNone');
  const names = (list: typeof r.matched) => list.map((s) => skillLabel(s, language)).join(', ');
  return [
    r.matched.length > 0 ? t('jobs.reasons.skillsMatched', { skills: names(r.matched) }) : null,
    r.missing.length > 0 ? t('jobs.reasons.skillsMissing', { skills: names(r.missing) }) : null,
  ]
    .filter(Boolean)
    .join('; ');
}

function german(t: TFunction, r: MatchReasons['germanLevel']): string {
  if (r.required === null) return t('jobs.reasons.germanNotRequired', { actual: level(t, r.actual) });
  return t('jobs.reasons.german', { required: r.required, actual: level(t, r.actual) });
}

function distance(t: TFunction, r: MatchReasons['distance'], language: string): string {
  if (r.km === null) return t('jobs.reasons.distanceUnknown');
  const km = kilometres(r.km, language);
  const limit = kilometres(r.limitKm, language);
  if (r.reachability === null) return t('jobs.reasons.distanceNoMeans', { km, limit });
  return t('jobs.reasons.distance', { km, limit, travel: t(`jobs.reasons.travel.${r.reachability}`) });
}

function hours(t: TFunction, r: MatchReasons['hours'], language: string): string {
  const n = (value: number) => formatNumber(value, language);
  const main =
    r.required === null
      ? t('jobs.reasons.hoursOpen')
      : r.available === null
        ? t('jobs.reasons.hoursUnknown', { required: n(r.required) })
        : t('jobs.reasons.hours', { required: n(r.required), available: n(r.available) });
  return r.childcareNeeded ? `${main}; ${t('jobs.reasons.childcare')}` : main;
}

function start(t: TFunction, r: MatchReasons['start'], language: string): string {
  const day = (value: string | null) => (value ? formatDate(value, language) : t('jobs.reasons.now'));
  return t('jobs.reasons.start', { start: day(r.startsOn), available: day(r.availableFrom) });
}

function conditions(t: TFunction, r: MatchReasons['conditions']): string {
  const asked = (['drivingLicence', 'shiftWork', 'weekendWork'] as const).filter((c) => r[c] !== 'not_required');
  if (asked.length === 0) return t('jobs.reasons.conditionsNone');
  return asked
    .map((c) => `${t(`jobs.reasons.condition.${c}`)}: ${t(`jobs.reasons.conditionState.${r[c] as 'ok' | 'missing'}`)}`)
    .join('; ');
}

export function reasonLines(t: TFunction, reasons: MatchReasons, language: string): ReasonLine[] {
  const text: Record<Aspect, string> = {
    skills: skills(t, reasons.skills, language),
    germanLevel: german(t, reasons.germanLevel),
    distance: distance(t, reasons.distance, language),
    hours: hours(t, reasons.hours, language),
    start: start(t, reasons.start, language),
    conditions: conditions(t, reasons.conditions),
  };
  return ASPECTS.map((aspect) => ({
    aspect,
    label: t(`jobs.reasons.aspects.${aspect}`),
    text: text[aspect],
    points: reasons[aspect].points,
    max: reasons[aspect].max,
  }));
}
