import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TFunction } from 'i18next';
import { OrganisationCreateInput } from '../../../server/modules/organisations/organisations.schemas.ts';
import { UserCreateInput } from '../../../server/modules/users/users.schemas.ts';
import { EmployabilityInput } from '../../../server/modules/employability/employability.schemas.ts';
import { PersonFields } from '../../../server/modules/participants/participants.schemas.ts';
import { EmployerCreateInput } from '../../../server/modules/employers/employers.schemas.ts';
import { schemaErrors, serverErrors } from './validation.ts';

// A stand-in for i18next's t that shows which message was chosen and with what count.
const t = ((key: string, options?: { count?: number; kind?: string }) =>
  options?.count !== undefined ? `${key}:${options.count}` : options?.kind ? `${key}:${options.kind}` : key) as unknown as TFunction;

test("the server's schema decides, and each broken rule gets a message in the UI language", () => {
  const errors = schemaErrors(t, OrganisationCreateInput, { kind: undefined, name: 'A', email: 'not-an-address', cityId: null });
  assert.deepEqual(errors, { kind: 'validation.choose', name: 'validation.tooShort:2', email: 'validation.email' });
});

test('an empty required field asks to be filled in, rather than for a length', () => {
  assert.deepEqual(schemaErrors(t, OrganisationCreateInput, { kind: 'partner', name: '' }), { name: 'validation.required' });
});

test('errors inside lists carry the path of the row and field', () => {
  const errors = schemaErrors(t, UserCreateInput, {
    email: 'lina@example.org',
    displayName: 'Lina',
    password: 'short',
    memberships: [{ role: 'mentor', organisationId: 'not-a-uuid' }],
  });
  assert.deepEqual(errors, { password: 'validation.tooShort:12', 'memberships.0.organisationId': 'validation.choose' });
  assert.deepEqual(
    schemaErrors(t, UserCreateInput, { email: 'a@b.de', displayName: 'Lina', password: 'long enough password', memberships: [] }),
    {
      memberships: 'validation.tooFew:1',
    },
  );
});

test("the server's field messages are translated where known and kept as they are otherwise", () => {
  assert.deepEqual(
    serverErrors(t, {
      name: ['An organisation with this name exists'],
      'memberships.0.organisationId': ['This role needs an organisation of kind partner'],
      email: ['At least 3 characters'],
      other: ['Something new the server says'],
    }),
    {
      name: 'serverErrors.organisationNameTaken',
      'memberships.0.organisationId': 'serverErrors.roleNeedsKind:organisationKinds.partner',
      email: 'validation.tooShort:3',
      other: 'Something new the server says',
    },
  );
});

test("the schema's cross-field rules and patterns speak the UI language too", () => {
  assert.deepEqual(schemaErrors(t, EmployabilityInput, { needed: true, result: 'fit_with_restrictions', restrictions: null }), {
    restrictions: 'serverErrors.nameRestrictions',
  });
  assert.deepEqual(schemaErrors(t, PersonFields, { givenNames: 'A', familyName: 'B', postcode: '123' }), {
    postcode: 'serverErrors.fiveDigits',
  });
});

test("the employers' and vacancies' postcode rule is translated like the person's", () => {
  assert.deepEqual(schemaErrors(t, EmployerCreateInput, { name: 'Firma', postcode: '4210' }), { postcode: 'serverErrors.fiveDigits' });
});
