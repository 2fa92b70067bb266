import type { Locale } from '../../../server/modules/auth/auth.schemas.ts';
import type { UserView } from '../../../server/modules/users/users.schemas.ts';
import { NETWORK_ROLES, type Role } from '../../../server/modules/access/roles.schemas.ts';

// What the user form edits, and how it becomes the API's input.

export interface MembershipValues {
  role: Role | '';
  organisationId: string;
}

export interface UserFormValues {
  email: string;
  displayName: string;
  locale: Locale;
  /** On create the initial password; on edit empty, or a new password to set. */
  password: string;
  memberships: MembershipValues[];
}

export const emptyUser: UserFormValues = {
  email: '',
  displayName: '',
  locale: 'de',
  password: '',
  memberships: [{ role: '', organisationId: '' }],
};

export function isNetworkRole(role: Role | ''): boolean {
  return role !== '' && NETWORK_ROLES.includes(role);
}

export function valuesOf(view: UserView): UserFormValues {
  return {
    email: view.email,
    displayName: view.displayName,
    locale: view.locale,
    password: '',
    memberships: view.memberships.map((m) => ({ role: m.role, organisationId: m.organisationId ?? '' })),
  };
}

function membershipsOf(values: UserFormValues) {
  return values.memberships.map((m) => ({
    role: m.role || undefined,
    organisationId: isNetworkRole(m.role) ? null : m.organisationId || null,
  }));
}

export function createInputOf(values: UserFormValues) {
  return {
    email: values.email,
    displayName: values.displayName,
    locale: values.locale,
    password: values.password,
    memberships: membershipsOf(values),
  };
}

export function updateInputOf(values: UserFormValues, version: number) {
  return {
    displayName: values.displayName,
    locale: values.locale,
    password: values.password || undefined,
    memberships: membershipsOf(values),
    version,
  };
}
