import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParticipantCreateInput, ParticipantUpdateInput } from '../../../server/modules/participants/participants.schemas.ts';
import { createInputOf, emptyCreate, personInputOf, personValuesOf } from './participantForm.ts';

const OFFICE = '00000000-0000-4000-8000-000000000001';
const CITY = '00000000-0000-4000-8000-000000000002';

test('an empty field is "not recorded" (null), and the server schema accepts what the create form sends', () => {
  const input = createInputOf({ ...emptyCreate, givenNames: 'Amal', familyName: 'Haddad', cityId: CITY }, OFFICE, []);
  assert.equal(input.birthDate, null);
  assert.equal(input.germanLevel, null);
  assert.equal(input.childrenCount, null);
  assert.equal(input.childcareNeeded, null);
  const parsed = ParticipantCreateInput.parse(input);
  assert.equal(parsed.status, 'invited');
  assert.deepEqual(parsed.acknowledgedDuplicates, []);
});

test('acknowledged duplicates are sent with the create', () => {
  const input = createInputOf({ ...emptyCreate, givenNames: 'A', familyName: 'B', cityId: CITY }, OFFICE, [CITY]);
  assert.deepEqual(input.acknowledgedDuplicates, [CITY]);
});

test('a saved person round-trips through the edit form unchanged', () => {
  const view = {
    givenNames: 'Amal',
    familyName: 'Haddad',
    preferredName: null,
    birthDate: '1990-05-05',
    gender: 'female' as const,
    nationality: 'SY',
    languages: [{ language: 'Arabisch', level: 'native' as const }],
    germanLevel: 'B1' as const,
    phone: null,
    email: null,
    street: null,
    postcode: '42103',
    town: 'Wuppertal',
    housing: 'own_flat' as const,
    familyStatus: null,
    childrenCount: 2,
    childcareNeeded: true,
    interpreterNeeded: false,
    interpreterLanguage: null,
  };
  const input = personInputOf(
    personValuesOf({ ...view, id: OFFICE, officeId: OFFICE, officeName: 'x', version: 1, createdAt: '', updatedAt: '', currentCase: null }),
  );
  assert.deepEqual(input, view);
  assert.ok(ParticipantUpdateInput.safeParse({ ...input, version: 1 }).success);
});
