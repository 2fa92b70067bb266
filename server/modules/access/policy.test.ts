import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Forbidden } from '../../errors.ts';
import { capabilities, may, participantOfficeScope, requireParticipantScope, type Actor } from './policy.ts';

const office = '00000000-0000-4000-8000-000000000001';
const otherOffice = '00000000-0000-4000-8000-000000000002';
const actor = (...memberships: Actor['memberships']): Actor => ({ userId: 'u', networkId: 'n', memberships });

test('a case manager reads the participants of her office and no other', () => {
  const cm = actor({ role: 'case_manager', organisationId: office });
  assert.equal(may(cm, 'read', { type: 'participant', officeId: office }), true);
  assert.equal(may(cm, 'read', { type: 'participant', officeId: otherOffice }), false);
  assert.deepEqual(participantOfficeScope(cm), [office]);
});

test('the network admin administers but sees no case content', () => {
  const admin = actor({ role: 'network_admin', organisationId: null });
  assert.equal(may(admin, 'create', { type: 'user' }), true);
  assert.equal(may(admin, 'read', { type: 'participant', officeId: office }), false);
  assert.deepEqual(participantOfficeScope(admin), []);
  assert.deepEqual(capabilities(admin), ['administration', 'reports']);
});

test('an admin who is also a case manager gets both', () => {
  const both = actor({ role: 'network_admin', organisationId: null }, { role: 'case_manager', organisationId: office });
  assert.deepEqual(capabilities(both), ['participants', 'administration', 'reports']);
});

test('the data protection officer reads the audit log but cannot change it, and sees no case content', () => {
  const dpo = actor({ role: 'data_protection_officer', organisationId: null });
  assert.equal(may(dpo, 'list', { type: 'auditLog' }), true);
  assert.equal(may(dpo, 'update', { type: 'auditLog' }), false);
  assert.equal(may(dpo, 'read', { type: 'participant', officeId: office }), false);
  assert.deepEqual(capabilities(dpo), ['auditLog']);
});

test('partners, mentors and employers have no area yet beyond their start page', () => {
  for (const role of ['partner_caseworker', 'mentor', 'employer_contact'] as const) {
    assert.deepEqual(capabilities(actor({ role, organisationId: office })), [], role);
  }
});

test('a user with no role may do nothing', () => {
  const nobody = actor();
  assert.equal(may(nobody, 'list', { type: 'city' }), false);
  assert.deepEqual(capabilities(nobody), []);
});

test('only someone with a case management office has a participant scope; everyone else gets 403', () => {
  assert.deepEqual(requireParticipantScope(actor({ role: 'case_manager', organisationId: office })), [office]);
  for (const role of ['network_admin', 'partner_caseworker', 'mentor', 'employer_contact', 'analyst', 'data_protection_officer'] as const) {
    assert.throws(
      () => requireParticipantScope(actor({ role, organisationId: role === 'network_admin' ? null : office })),
      Forbidden,
      role,
    );
  }
});
