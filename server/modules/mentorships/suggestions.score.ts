import { distanceKm, type Coordinates } from '../geo/postcodes.ts';

// Which volunteers suit a person as mentor, as a pure function over prepared facts:
// languages in common (besides German, which everyone in the network speaks), a
// profession close to what the person wants to work as, the distance between their
// postcodes, and free capacity. Each part of the score says why.

export interface PersonFacts {
  /** Folded language names (see foldLanguage). */
  languages: readonly string[];
  /** Desired occupations from the intake's goals. */
  occupations: readonly string[];
  coordinates: Coordinates | null;
}

export interface VolunteerFacts {
  volunteerId: string;
  languages: readonly string[];
  profession: string | null;
  skills: readonly string[];
  coordinates: Coordinates | null;
  maxMentees: number;
  activeMentorships: number;
}

export interface SuggestionScore {
  score: number;
  languages: string[];
  occupation: string | null;
  distanceKm: number | null;
  freeCapacity: number;
}

export const SUGGESTION_POINTS = { languages: 35, occupation: 30, distance: 20, capacity: 15 } as const;
/** Within this distance the full points; none from FAR_KM on. */
const NEAR_KM = 5;
const FAR_KM = 30;

// Languages are typed as words in German, English or as codes: each group folds to its first word.
const LANGUAGE_GROUPS = [
  ['deutsch', 'de', 'german'],
  ['englisch', 'en', 'english'],
  ['arabisch', 'ar', 'arabic'],
  ['persisch', 'fa', 'farsi', 'persian', 'dari'],
  ['ukrainisch', 'uk', 'ukrainian'],
  ['russisch', 'ru', 'russian'],
  ['türkisch', 'tr', 'turkish'],
  ['tigrinya', 'ti', 'tigrinisch'],
  ['kurdisch', 'ku', 'kurdish', 'kurmanji'],
  ['französisch', 'fr', 'french'],
  ['paschtu', 'ps', 'pashto'],
  ['somali', 'so'],
];
const LANGUAGE_NAMES = new Map(LANGUAGE_GROUPS.flatMap((group) => group.map((word) => [word, group[0]!] as const)));

export function foldLanguage(language: string): string {
  const word = language.trim().toLowerCase();
  return LANGUAGE_NAMES.get(word) ?? word;
}

/** Word stems of four letters or more, lower case: "Elektroinstallation" and "Elektriker" share "elek". */
function stems(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 4);
}

/** Two occupations are close when one's word contains the other's, or they share a stem of six letters. */
function close(a: string, b: string): boolean {
  for (const x of stems(a))
    for (const y of stems(b))
      if (x.includes(y) || y.includes(x) || (x.length >= 6 && y.length >= 6 && x.slice(0, 6) === y.slice(0, 6))) return true;
  return false;
}

/** The score of one volunteer for one person, or null when the volunteer has no free place. */
export function scoreVolunteer(person: PersonFacts, v: VolunteerFacts): SuggestionScore | null {
  const freeCapacity = v.maxMentees - v.activeMentorships;
  if (freeCapacity <= 0) return null;
  const theirs = new Set(v.languages.map(foldLanguage));
  const languages = [...new Set(person.languages.map(foldLanguage))].filter((l) => l !== 'deutsch' && theirs.has(l));
  const offered = [v.profession ?? '', ...v.skills].filter(Boolean);
  const occupation = person.occupations.find((o) => offered.some((p) => close(o, p))) ?? null;
  const km = person.coordinates && v.coordinates ? distanceKm(person.coordinates, v.coordinates) : null;

  const languagePoints = languages.length === 0 ? 0 : Math.min(SUGGESTION_POINTS.languages, 25 + 10 * (languages.length - 1));
  const occupationPoints = occupation ? SUGGESTION_POINTS.occupation : 0;
  const distancePoints =
    km === null
      ? 0
      : km <= NEAR_KM
        ? SUGGESTION_POINTS.distance
        : Math.max(0, (SUGGESTION_POINTS.distance * (FAR_KM - km)) / (FAR_KM - NEAR_KM));
  const capacityPoints = (SUGGESTION_POINTS.capacity * Math.min(freeCapacity, 3)) / 3;
  return {
    score: Math.round(languagePoints + occupationPoints + distancePoints + capacityPoints),
    languages,
    occupation,
    distanceKm: km,
    freeCapacity,
  };
}

/** Volunteers with a free place, best first; ties by distance (unknown last), then id for a stable order. */
export function rankVolunteers(person: PersonFacts, volunteers: readonly VolunteerFacts[]): (SuggestionScore & { volunteerId: string })[] {
  return volunteers
    .flatMap((v) => {
      const s = scoreVolunteer(person, v);
      return s ? [{ ...s, volunteerId: v.volunteerId }] : [];
    })
    .sort(
      (a, b) => b.score - a.score || (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.volunteerId.localeCompare(b.volunteerId),
    );
}
