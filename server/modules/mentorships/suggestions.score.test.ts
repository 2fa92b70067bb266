import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  foldLanguage,
  rankVolunteers,
  scoreVolunteer,
  SUGGESTION_POINTS,
  type PersonFacts,
  type VolunteerFacts,
} from './suggestions.score.ts';

// Mentor suggestions, part by part: each part of the score, and why.

const WUPPERTAL = { lat: 51.2562, lng: 7.1508 };
const SOLINGEN = { lat: 51.1652, lng: 7.0671 };
const PADERBORN = { lat: 51.7191, lng: 8.7575 };

const person: PersonFacts = { languages: ['Arabisch', 'Deutsch', 'en'], occupations: ['Elektroinstallation'], coordinates: WUPPERTAL };
const volunteer = (over: Partial<VolunteerFacts> = {}): VolunteerFacts => ({
  volunteerId: 'v1',
  languages: [],
  profession: null,
  skills: [],
  coordinates: null,
  maxMentees: 3,
  activeMentorships: 0,
  ...over,
});

test('languages fold across codes, German and English names; German itself is no reason', () => {
  assert.equal(foldLanguage(' AR '), 'arabisch');
  assert.equal(foldLanguage('Arabic'), 'arabisch');
  assert.equal(foldLanguage('Dari'), 'persisch');
  assert.equal(foldLanguage('Amharisch'), 'amharisch');
  const s = scoreVolunteer(person, volunteer({ languages: ['arabic', 'deutsch'] }))!;
  assert.deepEqual(s.languages, ['arabisch']);
  const two = scoreVolunteer(person, volunteer({ languages: ['ar', 'english'] }))!;
  assert.deepEqual(two.languages, ['arabisch', 'englisch']);
  assert.ok(two.score > s.score, 'two languages in common count more than one');
  assert.deepEqual(scoreVolunteer(person, volunteer({ languages: ['de'] }))!.languages, []);
});

test('a profession or skill close to a desired occupation is a reason, named by the occupation', () => {
  assert.equal(
    scoreVolunteer(person, volunteer({ profession: 'Elektriker im Ruhestand' }))!.occupation,
    'Elektroinstallation',
    'a stem of six letters in common',
  );
  assert.equal(scoreVolunteer(person, volunteer({ profession: 'Elektroinstallateur' }))!.occupation, 'Elektroinstallation');
  assert.equal(scoreVolunteer(person, volunteer({ skills: ['installation'] }))!.occupation, 'Elektroinstallation');
  assert.equal(scoreVolunteer(person, volunteer({ profession: 'Lehrerin', skills: ['Malerei'] }))!.occupation, null);
});

test('near is better than far; an unknown postcode gives no distance and no points, never a guess', () => {
  const near = scoreVolunteer(person, volunteer({ coordinates: WUPPERTAL }))!;
  const solingen = scoreVolunteer(person, volunteer({ coordinates: SOLINGEN }))!;
  const far = scoreVolunteer(person, volunteer({ coordinates: PADERBORN }))!;
  const unknown = scoreVolunteer(person, volunteer())!;
  assert.equal(near.distanceKm, 0);
  assert.ok(solingen.distanceKm! > 5 && solingen.distanceKm! < 30);
  assert.ok(near.score > solingen.score && solingen.score > far.score);
  assert.equal(far.score, unknown.score);
  assert.equal(unknown.distanceKm, null);
});

test('no free place: not suggested at all; more free places score a little more', () => {
  assert.equal(scoreVolunteer(person, volunteer({ maxMentees: 2, activeMentorships: 2 })), null);
  const one = scoreVolunteer(person, volunteer({ maxMentees: 2, activeMentorships: 1 }))!;
  const three = scoreVolunteer(person, volunteer({ maxMentees: 5, activeMentorships: 1 }))!;
  assert.deepEqual([one.freeCapacity, three.freeCapacity], [1, 4]);
  assert.equal(three.score, SUGGESTION_POINTS.capacity);
  assert.ok(one.score < three.score);
});

test('the best match has every part; the ranking is best first and leaves the full out', () => {
  const best = volunteer({
    volunteerId: 'best',
    languages: ['ar', 'en'],
    profession: 'Elektroinstallateur',
    coordinates: WUPPERTAL,
  });
  const full = volunteer({ volunteerId: 'full', languages: ['ar'], maxMentees: 1, activeMentorships: 1 });
  const some = volunteer({ volunteerId: 'some', languages: ['ar'], coordinates: SOLINGEN });
  const ranked = rankVolunteers(person, [some, full, best]);
  assert.deepEqual(
    ranked.map((r) => r.volunteerId),
    ['best', 'some'],
  );
  assert.equal(ranked[0]!.score, 100);
});
