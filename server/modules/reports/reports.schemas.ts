import { z } from 'zod';

const Cell = z.object({ key: z.string(), count: z.number().int().nullable() });

export const OverviewReport = z.object({
  /** Number of participants; null when below the threshold. */
  total: z.number().int().nullable(),
  threshold: z.number().int(),
  byCity: z.array(Cell),
  byCaseStatus: z.array(Cell),
  byGender: z.array(Cell),
});
export type OverviewReport = z.infer<typeof OverviewReport>;
