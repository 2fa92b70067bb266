import assert from 'node:assert/strict';
import { test } from 'node:test';
import { onboardingGaps } from './onboarding.ts';

// Only an onboarded volunteer may start a mentorship: agreement and pledge signed, and the
// certificate of conduct where the network requires it, not older than its rule.

const signed = { agreementSignedOn: '2026-01-10', pledgeSignedOn: '2026-01-10', certificateIssuedOn: null };
const noCertificate = { certificateRequired: false, certificateMaxAgeMonths: 60 };
const certificate36 = { certificateRequired: true, certificateMaxAgeMonths: 36 };

test('agreement and pledge signed suffice where the network requires no certificate', () => {
  assert.deepEqual(onboardingGaps(signed, noCertificate, '2026-12-01'), []);
});

test('a missing agreement or pledge is named, each on its own', () => {
  assert.deepEqual(onboardingGaps({ ...signed, agreementSignedOn: null }, noCertificate, '2026-12-01'), ['agreement']);
  assert.deepEqual(onboardingGaps({ ...signed, pledgeSignedOn: null }, noCertificate, '2026-12-01'), ['pledge']);
  assert.deepEqual(
    onboardingGaps({ agreementSignedOn: null, pledgeSignedOn: null, certificateIssuedOn: null }, certificate36, '2026-12-01'),
    ['agreement', 'pledge', 'certificate'],
  );
});

test('a signature dated after the day does not count yet', () => {
  assert.deepEqual(onboardingGaps({ ...signed, pledgeSignedOn: '2026-12-02' }, noCertificate, '2026-12-01'), ['pledge']);
});

test('where required, the certificate must exist and be no older than the rule, to the day', () => {
  assert.deepEqual(onboardingGaps(signed, certificate36, '2026-12-01'), ['certificate']);
  const issued = { ...signed, certificateIssuedOn: '2023-12-01' };
  assert.deepEqual(onboardingGaps(issued, certificate36, '2026-12-01'), [], 'exactly 36 months old is still valid');
  assert.deepEqual(onboardingGaps(issued, certificate36, '2026-12-02'), ['certificate_too_old']);
  assert.deepEqual(onboardingGaps(issued, noCertificate, '2030-01-01'), [], 'an old certificate does not matter where none is required');
});
