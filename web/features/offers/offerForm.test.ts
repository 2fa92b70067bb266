import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OfferCreateInput } from '../../../server/modules/offers/offers.schemas.ts';
import { offerInputOf, offerValuesOf, publishableProviders } from './offerForm.ts';

test('a filled-in offer form is what the server accepts; a blank one names the missing fields', () => {
  const values = {
    ...offerValuesOf(null, '8a5b3c1e-0000-4000-8000-000000000001'),
    kind: 'language_course',
    targetGroups: ['women'],
    title: 'Deutsch B1',
    startsOn: '2027-01-11',
    endsOn: '2027-03-26',
    capacity: '12',
    language: 'DE ',
  };
  const parsed = OfferCreateInput.safeParse(offerInputOf(values));
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  assert.deepEqual([parsed.data.capacity, parsed.data.language, parsed.data.schedule], [12, 'de', null]);
  const blank = OfferCreateInput.safeParse(offerInputOf(offerValuesOf(null)));
  const paths = new Set(blank.error?.issues.map((i) => i.path.join('.')));
  for (const field of ['providerOrganisationId', 'kind', 'title', 'startsOn', 'endsOn', 'capacity']) assert.ok(paths.has(field), field);
  assert.equal(OfferCreateInput.safeParse(offerInputOf({ ...values, capacity: 'zwölf' })).success, false);
});

test('an admin publishes for every partner, a caseworker for their own organisation only, anyone else for none', () => {
  const providers = [
    { id: 'a', name: 'Jobcoaching' },
    { id: 'b', name: 'Qualifizierung' },
  ];
  assert.deepEqual(publishableProviders([{ role: 'network_admin', organisationId: null }], providers), providers);
  assert.deepEqual(publishableProviders([{ role: 'partner_caseworker', organisationId: 'b' }], providers), [providers[1]]);
  assert.deepEqual(publishableProviders([{ role: 'case_manager', organisationId: 'a' }], providers), []);
});
