import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCurrent, navigationFor } from './navigation.ts';

test('without capabilities the navigation has only the start page and the profile', () => {
  assert.deepEqual(
    navigationFor([]).map((i) => i.to),
    ['/', '/profile'],
  );
});

test('administration brings organisations, users, cities, merges and the cycle rules; reports brings reports', () => {
  assert.deepEqual(
    navigationFor(['administration', 'reports']).map((i) => i.to),
    ['/', '/organisations', '/users', '/cities', '/merges', '/cycle-rules', '/reports', '/profile'],
  );
});

test('a sub-page keeps its area current, the start page only itself', () => {
  const [home, participants] = navigationFor(['participants']);
  assert.ok(participants && isCurrent(participants, '/participants/123'));
  assert.ok(home && isCurrent(home, '/') && !isCurrent(home, '/participants'));
});

test('the cycle brings the week and the referrals, beside the participants for a case manager', () => {
  assert.deepEqual(
    navigationFor(['cycle']).map((i) => i.to),
    ['/', '/week', '/referrals', '/profile'],
  );
  assert.deepEqual(
    navigationFor(['participants', 'cycle']).map((i) => i.to),
    ['/', '/week', '/participants', '/deadlines', '/duplicates', '/imports', '/referrals', '/apprenticeships', '/profile'],
  );
});

test('jobs bring employers, vacancies, the caseload’s matches (with participants only) and the proposals board; the employer portal their own vacancies and candidates', () => {
  assert.deepEqual(
    navigationFor(['participants', 'cycle', 'jobs']).map((i) => i.to),
    [
      '/',
      '/week',
      '/participants',
      '/deadlines',
      '/duplicates',
      '/imports',
      '/referrals',
      '/employers',
      '/vacancies',
      '/matches',
      '/proposals',
      '/apprenticeships',
      '/profile',
    ],
  );
  assert.deepEqual(
    navigationFor(['cycle', 'jobs']).map((i) => i.to),
    ['/', '/week', '/referrals', '/employers', '/vacancies', '/proposals', '/profile'],
    'a partner’s caseworker has no caseload to match',
  );
  assert.deepEqual(
    navigationFor(['employerPortal']).map((i) => i.to),
    ['/', '/my-vacancies', '/candidates', '/my-apprentices', '/profile'],
  );
});

test('mentorships bring the volunteers, and the mentorships beside participants only; the mentor portal the mentor’s mentees', () => {
  assert.deepEqual(
    navigationFor(['administration', 'mentorships']).map((i) => i.to),
    ['/', '/organisations', '/users', '/cities', '/merges', '/cycle-rules', '/volunteers', '/profile'],
  );
  assert.deepEqual(
    navigationFor(['participants', 'mentorships']).map((i) => i.to),
    ['/', '/participants', '/deadlines', '/duplicates', '/imports', '/volunteers', '/mentorships', '/apprenticeships', '/profile'],
  );
  assert.deepEqual(
    navigationFor(['mentorPortal']).map((i) => i.to),
    ['/', '/mentees', '/profile'],
  );
});
