import assert from 'node:assert/strict';
import { test } from 'node:test';
import { may, type Actor } from '../access/policy.ts';
import type { Role } from '../access/roles.schemas.ts';

// The mentorship rules of the policy, on their own: who keeps volunteers, whose office a
// mentorship is, and what a mentor may do with a mentee.

const office = '00000000-0000-4000-8000-000000000001';
const otherOffice = '00000000-0000-4000-8000-000000000002';
const group = '00000000-0000-4000-8000-000000000005';
const otherGroup = '00000000-0000-4000-8000-000000000006';
const as = (role: Role, organisationId: string | null, userId = 'u'): Actor => ({
  userId,
  networkId: 'n',
  memberships: [{ role, organisationId }],
});
const mentee = (over: Partial<{ volunteerGroupId: string; mentorUserId: string | null; live: boolean }> = {}) => ({
  type: 'mentee' as const,
  volunteerGroupId: group,
  mentorUserId: 'u',
  live: true,
  ...over,
});

test('admins and case managers keep volunteer profiles; only admins set the onboarding rule', () => {
  for (const actor of [as('network_admin', null), as('case_manager', office)]) {
    assert.equal(may(actor, 'create', { type: 'volunteer' }), true);
    assert.equal(may(actor, 'read', { type: 'volunteerSettings' }), true);
    assert.equal(may(actor, 'delete', { type: 'volunteer' }), false);
  }
  assert.equal(may(as('network_admin', null), 'update', { type: 'volunteerSettings' }), true);
  assert.equal(may(as('case_manager', office), 'update', { type: 'volunteerSettings' }), false);
  for (const role of ['partner_caseworker', 'mentor', 'employer_contact', 'analyst', 'data_protection_officer'] as const) {
    assert.equal(may(as(role, office), 'list', { type: 'volunteer' }), false, role);
    assert.equal(may(as(role, office), 'read', { type: 'mentorHours' }), false, role);
  }
});

test("a mentorship is its office's: not the other office's, not the admin's", () => {
  assert.equal(may(as('case_manager', office), 'create', { type: 'mentorship', officeId: office }), true);
  assert.equal(may(as('case_manager', otherOffice), 'read', { type: 'mentorship', officeId: office }), false);
  assert.equal(may(as('network_admin', null), 'read', { type: 'mentorship', officeId: office }), false);
  assert.equal(may(as('mentor', group), 'read', { type: 'mentorship', officeId: office }), false);
});

test('a mentor reads and records for his own running mentorships only, in his own group', () => {
  const mentor = as('mentor', group);
  assert.equal(may(mentor, 'read', mentee()), true);
  assert.equal(may(mentor, 'create', mentee()), true);
  assert.equal(may(mentor, 'delete', mentee()), false);
  assert.equal(may(mentor, 'read', mentee({ live: false })), false, 'an ended mentorship');
  assert.equal(may(mentor, 'read', mentee({ mentorUserId: 'someone-else' })), false, "another mentor's mentee");
  assert.equal(may(mentor, 'read', mentee({ mentorUserId: null })), false, 'a volunteer without login');
  assert.equal(may(mentor, 'read', mentee({ volunteerGroupId: otherGroup })), false, 'no longer a mentor of that group');
  assert.equal(may(as('case_manager', office), 'read', mentee()), false, 'the mentee view is the mentor’s alone');
});
