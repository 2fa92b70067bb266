import { MembershipView } from '../../server/modules/auth/auth.schemas.ts';
import type { OrganisationKind } from './i18n/labels.ts';

// The roles, and where each belongs, as the user form needs them.

export const ROLES = MembershipView.shape.role.options;
export type Role = MembershipView['role'];

// NETWORK_ROLES and ROLE_ORGANISATION_KIND mirror server/modules/access/policy.ts,
// which the web app may not import (lint: only *.schemas.ts); roles.test.ts fails
// when the two disagree. They can go once a schemas file exports them.

/** Roles that belong to the network as a whole rather than to one organisation. */
export const NETWORK_ROLES: readonly Role[] = ['network_admin', 'analyst', 'data_protection_officer'];

/** Which kind of organisation a role's membership must be in. */
export const ROLE_ORGANISATION_KIND: Partial<Record<Role, OrganisationKind>> = {
  case_manager: 'case_management_office',
  partner_caseworker: 'partner',
  employer_contact: 'employer',
  mentor: 'volunteer_group',
};
