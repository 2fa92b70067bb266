import assert from 'node:assert/strict';
import { test } from 'node:test';
// eslint-disable-next-line no-restricted-imports -- this test exists to compare the web's mirror with the policy itself
import * as policy from '../../server/modules/access/policy.ts';
import { NETWORK_ROLES, ROLE_ORGANISATION_KIND, ROLES } from './roles.ts';

test("the user form's role rules are the access policy's", () => {
  assert.deepEqual([...ROLES], [...policy.ROLES]);
  assert.deepEqual([...NETWORK_ROLES].sort(), [...policy.NETWORK_ROLES].sort());
  assert.deepEqual(ROLE_ORGANISATION_KIND, policy.ROLE_ORGANISATION_KIND);
});
