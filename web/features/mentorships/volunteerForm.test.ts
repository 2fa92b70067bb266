import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VolunteerCreateInput } from '../../../server/modules/volunteers/volunteers.schemas.ts';
import { emptyVolunteer, inputOf } from './volunteerForm.ts';

// The profile form sends what the server's schema accepts: lists from comma-separated text,
// empty fields as "not given", the number of mentees as a number.

test('comma-separated languages and skills become lists; empty fields pass as not given', () => {
  const body = inputOf({
    ...emptyVolunteer,
    organisationId: '00000000-0000-4000-8000-000000000005',
    displayName: 'Peter Hoffmann',
    languages: 'Arabisch, , Englisch ',
    skills: '',
    maxMentees: '2',
  });
  assert.deepEqual(body.languages, ['Arabisch', 'Englisch']);
  assert.deepEqual(body.skills, []);
  assert.equal(body.userId, null);
  const parsed = VolunteerCreateInput.parse(body);
  assert.deepEqual(
    [parsed.languages, parsed.maxMentees, parsed.postcode, parsed.agreementSignedOn],
    [['arabisch', 'englisch'], 2, null, null],
  );
});
