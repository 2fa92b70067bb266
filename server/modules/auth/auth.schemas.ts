import { z } from 'zod';
import { CAPABILITIES, ROLES } from '../access/roles.schemas.ts';

// Languages of the user interface; the message files live in web/i18n/.
export const LOCALES = ['de', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'Not a valid email address' }));

export const LoginInput = z.object({
  email: Email,
  password: z.string().min(1, { error: 'Password is required' }).max(1024),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const MembershipView = z.object({
  role: z.enum(ROLES),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
});
export type MembershipView = z.infer<typeof MembershipView>;

export const MeView = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    locale: Locale,
    version: z.number().int(),
  }),
  network: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  memberships: z.array(MembershipView),
  /** Areas of the app this user may use; the navigation shows exactly these. */
  capabilities: z.array(z.enum(CAPABILITIES)),
  /** Send back as the X-CSRF-Token header on every state-changing request. */
  csrfToken: z.string(),
});
export type MeView = z.infer<typeof MeView>;

export const MeUpdateInput = z.object({
  locale: Locale,
  version: z.number().int().positive(),
});
export type MeUpdateInput = z.infer<typeof MeUpdateInput>;

export const Password = z.string().min(12, { error: 'At least 12 characters' }).max(256, { error: 'At most 256 characters' });

export const PasswordChangeInput = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: Password,
});
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;
