import assert from 'node:assert/strict';
import { test } from 'node:test';
import { may, type Actor, type Action, type Resource } from '../access/policy.ts';

// The policy's apprenticeship rules on their own (decision 0017): the office keeps the
// agreement; the company reads its reduced view only with the consent; no one else anything.

const office = '00000000-0000-4000-8000-000000000001';
const bakery = '00000000-0000-4000-8000-000000000002';
const logistics = '00000000-0000-4000-8000-000000000003';
const actor = (role: string, organisationId: string | null): Actor => ({
  userId: 'u',
  networkId: 'n',
  memberships: [{ role: role as Actor['memberships'][number]['role'], organisationId }],
});
const agreement = (f: { consented?: boolean; companyView?: boolean } = {}): Resource => ({
  type: 'apprenticeship',
  officeId: office,
  employerId: bakery,
  consented: f.consented ?? true,
  companyView: f.companyView ?? false,
});
const helpRequest = (consented = true): Resource => ({
  type: 'apprenticeshipHelpRequest',
  officeId: office,
  employerId: bakery,
  consented,
});
const ACTIONS: Action[] = ['list', 'read', 'create', 'update', 'delete', 'answer'];

test("the office's case managers keep the agreement (never delete it) and handle help requests (never ask)", () => {
  const cm = actor('case_manager', office);
  assert.deepEqual(
    ACTIONS.filter((a) => may(cm, a, agreement())),
    ['list', 'read', 'create', 'update'],
  );
  assert.deepEqual(
    ACTIONS.filter((a) => may(cm, a, helpRequest())),
    ['list', 'read', 'update'],
  );
  assert.equal(may(actor('case_manager', logistics), 'read', agreement()), false, 'another office');
});

test("the company reads only the company's view, only with consent, and asks for help only with consent", () => {
  const contact = actor('employer_contact', bakery);
  assert.deepEqual(
    ACTIONS.filter((a) => may(contact, a, agreement({ companyView: true }))),
    ['read'],
  );
  assert.equal(may(contact, 'read', agreement({ companyView: false })), false, 'never the staff view');
  assert.equal(may(contact, 'read', agreement({ companyView: true, consented: false })), false, 'no consent, nothing');
  assert.deepEqual(
    ACTIONS.filter((a) => may(contact, a, helpRequest())),
    ['create'],
  );
  assert.equal(may(contact, 'create', helpRequest(false)), false);
  assert.equal(may(actor('employer_contact', logistics), 'read', agreement({ companyView: true })), false, 'another company');
});

test('partners, mentors, analysts, the DPO and admins have no rule', () => {
  for (const [role, org] of [
    ['partner_caseworker', logistics],
    ['mentor', logistics],
    ['analyst', null],
    ['data_protection_officer', null],
    ['network_admin', null],
  ] as const) {
    const someone = actor(role, org);
    for (const a of ACTIONS) {
      assert.equal(may(someone, a, agreement({ companyView: true })), false, `${role} ${a}`);
      assert.equal(may(someone, a, helpRequest()), false, `${role} ${a} help request`);
    }
  }
});
