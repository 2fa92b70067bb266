import { z } from 'zod';
import { listQuery, pageOf } from '../../http/lists.ts';
import { ROLES } from '../access/roles.schemas.ts';
import { Email, Locale, MembershipView, Password } from '../auth/auth.schemas.ts';

export const USER_STATUSES = ['active', 'disabled'] as const;
export const UserStatus = z.enum(USER_STATUSES);

export const MembershipInput = z.object({
  role: z.enum(ROLES),
  organisationId: z.uuid().nullable(),
});
export type MembershipInput = z.infer<typeof MembershipInput>;

const DisplayName = z.string().trim().min(2, { error: 'At least 2 characters' }).max(200, { error: 'At most 200 characters' });
const Memberships = z.array(MembershipInput).min(1, { error: 'Give the user at least one role' }).max(20);

export const UserCreateInput = z.object({
  email: Email,
  displayName: DisplayName,
  locale: Locale.default('de'),
  /** The initial password, which the admin passes on and the user changes. */
  password: Password,
  memberships: Memberships,
});
export type UserCreateInput = z.infer<typeof UserCreateInput>;

export const UserUpdateInput = z.object({
  displayName: DisplayName.optional(),
  locale: Locale.optional(),
  status: UserStatus.optional(),
  memberships: Memberships.optional(),
  /** Set to reset the password; all of the user's sessions end. */
  password: Password.optional(),
  version: z.number().int().positive(),
});
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;

export const UserView = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: Locale,
  status: UserStatus,
  memberships: z.array(MembershipView),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type UserView = z.infer<typeof UserView>;

export const UserListQuery = listQuery(['displayName', 'email', 'status', 'updatedAt']).extend({
  status: UserStatus.optional(),
  role: z.enum(ROLES).optional(),
  organisationId: z.uuid().optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserPage = pageOf(UserView);
