import { z } from 'zod';

export const CityView = z.object({ id: z.uuid(), name: z.string(), version: z.number().int() });
export type CityView = z.infer<typeof CityView>;

export const CityCreateInput = z.object({
  name: z.string().trim().min(2, { error: 'At least 2 characters' }).max(100, { error: 'At most 100 characters' }),
});
export type CityCreateInput = z.infer<typeof CityCreateInput>;
