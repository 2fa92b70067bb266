import { z } from 'zod';
import { Email, Password } from '../auth/auth.schemas.ts';

export const NetworkCreateInput = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: 'Lower-case letters, digits and dashes, 2 to 63 characters' }),
  name: z.string().trim().min(2).max(200),
  adminEmail: Email,
  adminName: z.string().trim().min(2).max(200),
  adminPassword: Password,
});
export type NetworkCreateInput = z.infer<typeof NetworkCreateInput>;
