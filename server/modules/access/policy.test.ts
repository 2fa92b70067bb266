import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Forbidden } from '../../errors.ts';
import { capabilities, may, participantOfficeScope, requireParticipantScope, type Actor } from './policy.ts';

const office = '00000000-0000-4000-8000-000000000001';
const partner = '00000000-0000-4000-8000-000000000003';
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
  assert.deepEqual(capabilities(admin), ['administration', 'reports', 'offers', 'mentorships']);
});

test('an admin who is also a case manager gets both', () => {
  const both = actor({ role: 'network_admin', organisationId: null }, { role: 'case_manager', organisationId: office });
  assert.deepEqual(capabilities(both), ['participants', 'cycle', 'jobs', 'administration', 'reports', 'offers', 'mentorships']);
});

test('the data protection officer reads the audit log but cannot change it, and sees no case content', () => {
  const dpo = actor({ role: 'data_protection_officer', organisationId: null });
  assert.equal(may(dpo, 'list', { type: 'auditLog' }), true);
  assert.equal(may(dpo, 'update', { type: 'auditLog' }), false);
  assert.equal(may(dpo, 'read', { type: 'participant', officeId: office }), false);
  assert.deepEqual(capabilities(dpo), ['auditLog']);
});

test('partner caseworkers work in the cycle and with employers; employers see their portal; mentors theirs and the catalogue of offers', () => {
  assert.deepEqual(capabilities(actor({ role: 'partner_caseworker', organisationId: office })), ['cycle', 'jobs', 'offers']);
  assert.deepEqual(capabilities(actor({ role: 'employer_contact', organisationId: office })), ['employerPortal']);
  // Mentors read the catalogue of offers to advise their mentees.
  assert.deepEqual(capabilities(actor({ role: 'mentor', organisationId: office })), ['offers', 'mentorPortal']);
});

test("jobs: an employer contact reaches only their own company; matching and placements are the office's", () => {
  const employer = '00000000-0000-4000-8000-0000000000e1';
  const otherEmployer = '00000000-0000-4000-8000-0000000000e2';
  const contact = actor({ role: 'employer_contact', organisationId: employer });
  const cm = actor({ role: 'case_manager', organisationId: office });
  const coach = actor({ role: 'partner_caseworker', organisationId: partner });
  const admin = actor({ role: 'network_admin', organisationId: null });
  assert.equal(may(contact, 'read', { type: 'employer', employerId: employer }), true);
  assert.equal(may(contact, 'update', { type: 'employer', employerId: employer }), false);
  assert.equal(may(contact, 'read', { type: 'employer', employerId: otherEmployer }), false);
  assert.equal(may(contact, 'list', { type: 'employerContactLog' }), false);
  assert.equal(may(contact, 'create', { type: 'vacancy', employerId: employer }), true);
  assert.equal(may(contact, 'update', { type: 'vacancy', employerId: otherEmployer }), false);
  assert.equal(may(coach, 'create', { type: 'vacancy', employerId: otherEmployer }), true);
  assert.equal(may(admin, 'read', { type: 'vacancy', employerId: employer }), false);
  assert.equal(may(cm, 'read', { type: 'match', officeId: office }), true);
  assert.equal(may(coach, 'read', { type: 'match', officeId: office }), false);
  assert.equal(may(contact, 'create', { type: 'placement', officeId: office }), false);
  assert.equal(may(cm, 'create', { type: 'placement', officeId: office }), true);

  const proposal = { type: 'proposal', officeId: office, employerId: employer, referral: null } as const;
  assert.equal(may(cm, 'create', proposal), true);
  assert.equal(may(contact, 'update', proposal), true);
  assert.equal(may(contact, 'create', proposal), false);
  assert.equal(may(actor({ role: 'employer_contact', organisationId: otherEmployer }), 'read', proposal), false);
  assert.equal(may(coach, 'read', proposal), false);
  const viaReferral = { ...proposal, referral: { partnerOrganisationId: partner, caseworkerId: coach.userId, live: true } };
  assert.equal(may(coach, 'create', viaReferral), true);
  assert.equal(may(coach, 'create', { ...viaReferral, referral: { ...viaReferral.referral, live: false } }), false);
});

const otherPartner = '00000000-0000-4000-8000-000000000004';
const referral = (facts: { state: string; caseworkerId?: string | null; live?: boolean; transmittable?: boolean }) =>
  ({
    type: 'referral',
    officeId: office,
    partnerOrganisationId: partner,
    caseworkerId: null,
    live: false,
    transmittable: true,
    ...facts,
  }) as const;

test('a referral: the partner answers a sent one; then only the named caseworker works on it, while it is live', () => {
  const coach = { ...actor({ role: 'partner_caseworker', organisationId: partner }), userId: 'coach' };
  const colleague = { ...actor({ role: 'partner_caseworker', organisationId: partner }), userId: 'colleague' };
  const stranger = { ...actor({ role: 'partner_caseworker', organisationId: otherPartner }), userId: 'coach' };
  const cm = actor({ role: 'case_manager', organisationId: office });
  assert.equal(may(coach, 'read', referral({ state: 'draft' })), false, 'a draft is the office’s');
  assert.equal(may(coach, 'answer', referral({ state: 'sent' })), true);
  assert.equal(may(coach, 'update', referral({ state: 'sent' })), false);
  assert.equal(may(coach, 'read', referral({ state: 'sent', transmittable: false })), false, 'consent withdrawn or cycle over');
  assert.equal(may(stranger, 'read', referral({ state: 'sent' })), false, 'another partner');
  assert.equal(may(cm, 'answer', referral({ state: 'sent' })), false, 'the office does not answer for the partner');
  assert.equal(may(cm, 'update', referral({ state: 'sent' })), true);
  const accepted = referral({ state: 'accepted', caseworkerId: 'coach', live: true });
  assert.equal(may(coach, 'update', accepted), true);
  assert.equal(may(colleague, 'read', accepted), false, 'only the named caseworker');
  assert.equal(may(coach, 'read', { ...accepted, live: false }), false, 'consent withdrawn or cycle ended');
  assert.equal(may(coach, 'read', referral({ state: 'revoked', caseworkerId: 'coach' })), false);
  assert.equal(
    may(coach, 'read', { type: 'referredParticipant', partnerOrganisationId: partner, caseworkerId: 'coach', live: true }),
    true,
  );
  assert.equal(
    may(coach, 'read', { type: 'referredParticipant', partnerOrganisationId: partner, caseworkerId: 'coach', live: false }),
    false,
  );
  assert.equal(may(cm, 'read', { type: 'referredParticipant', partnerOrganisationId: partner, caseworkerId: 'coach', live: true }), false);
  for (const role of ['mentor', 'employer_contact', 'analyst', 'data_protection_officer', 'network_admin'] as const)
    assert.equal(may(actor({ role, organisationId: partner }), 'read', referral({ state: 'sent' })), false, role);
});

test('only the network admin lists and undoes merges', () => {
  const admin = actor({ role: 'network_admin', organisationId: null });
  const cm = actor({ role: 'case_manager', organisationId: office });
  assert.equal(may(admin, 'list', { type: 'participantMerge', officeIds: [] }), true);
  assert.equal(may(cm, 'list', { type: 'participantMerge', officeIds: [] }), false);
  assert.equal(may(cm, 'create', { type: 'participantMerge', officeIds: [] }), false);
  assert.equal(may(cm, 'create', { type: 'participantMerge', officeIds: [office, office] }), true);
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

test('offers: the provider and admins keep the catalogue; the office enrols and cancels, the provider runs the course', () => {
  const provider = actor({ role: 'partner_caseworker', organisationId: partner });
  const otherPartner = actor({ role: 'partner_caseworker', organisationId: otherOffice });
  const cm = actor({ role: 'case_manager', organisationId: office });
  const admin = actor({ role: 'network_admin', organisationId: null });
  const offer = { type: 'offer', providerId: partner } as const;
  assert.deepEqual(
    [provider, otherPartner, cm, admin].map((a) => may(a, 'update', offer)),
    [true, false, false, true],
  );
  for (const role of ['employer_contact', 'analyst', 'data_protection_officer'] as const)
    assert.equal(may(actor({ role, organisationId: null }), 'read', offer), false, role);
  assert.equal(may(actor({ role: 'mentor', organisationId: otherOffice }), 'read', offer), true);

  const enrolment = { type: 'enrolment', officeId: office, providerId: partner } as const;
  const can = (a: Actor) => (['create', 'read', 'update', 'delete'] as const).filter((action) => may(a, action, enrolment));
  assert.deepEqual(can(cm), ['create', 'read', 'delete']);
  assert.deepEqual(can(provider), ['read', 'update']);
  for (const other of [otherPartner, admin, actor({ role: 'case_manager', organisationId: otherOffice })]) assert.deepEqual(can(other), []);
});
