import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EmployerCreateInput, EmployerUpdateInput } from '../../../server/modules/employers/employers.schemas.ts';
import { emptyEmployer, employerCreateInputOf, employerUpdateInputOf, newContactPerson } from './employerForm.ts';

test("a new employer's form becomes input the server accepts: empty fields are null, contact persons lose their row keys", () => {
  const parsed = EmployerCreateInput.parse(
    employerCreateInputOf({
      ...emptyEmployer,
      name: 'Bäckerei Sonnenschein GmbH',
      size: 'small',
      contactPersons: [{ ...newContactPerson(), name: 'Sabine Sonnenschein', email: '' }],
    }),
  );
  assert.equal(parsed.cityId, null);
  assert.equal(parsed.postcode, null);
  assert.equal(parsed.email, null);
  assert.deepEqual(parsed.contactPersons, [{ name: 'Sabine Sonnenschein', position: null, phone: null, email: null }]);
});

test('a postcode must have five digits, as on the server', () => {
  const result = EmployerCreateInput.safeParse(employerCreateInputOf({ ...emptyEmployer, name: 'Firma', postcode: '4210' }));
  assert.deepEqual(
    result.error?.issues.map((i) => i.path.join('.')),
    ['postcode'],
  );
});

test('an edit carries active and the version it was loaded at', () => {
  const parsed = EmployerUpdateInput.parse(employerUpdateInputOf({ ...emptyEmployer, name: 'Firma', active: false }, 4));
  assert.equal(parsed.active, false);
  assert.equal(parsed.version, 4);
});
