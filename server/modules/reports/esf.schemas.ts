import { z } from 'zod';
import { IsoDate } from '../participants/participants.schemas.ts';

// The ESF+ participant indicators (Regulation (EU) 2021/1057, Annex I) for a period:
// counts only, every figure named by its indicator id. The rules are in
// docs/indicators/esf-plus.md.

export const EsfReportQuery = z
  .object({
    from: IsoDate,
    to: IsoDate,
    /** One city of the network; without it, the network's figures. */
    cityId: z.uuid().optional(),
    /** Cases of one funding period only. */
    fundingPeriodId: z.uuid().optional(),
  })
  .refine((q) => q.to >= q.from, { error: 'The period ends before it starts', path: ['to'] });
export type EsfReportQuery = z.infer<typeof EsfReportQuery>;

/** One figure: its indicator id (an ESF+ common code where there is one) and its count, null when suppressed. */
export const EsfFigure = z.object({
  indicator: z.string(),
  key: z.string(),
  count: z.number().int().nullable(),
});
export type EsfFigure = z.infer<typeof EsfFigure>;

export const EsfReport = z.object({
  from: IsoDate,
  to: IsoDate,
  cityId: z.uuid().nullable(),
  fundingPeriodId: z.uuid().nullable(),
  /** Cells below it (and those that would reveal them) are null. */
  threshold: z.number().int(),
  /** Output indicators: people whose case entered in the period, each once. */
  entrants: z.object({
    total: EsfFigure,
    gender: z.array(EsfFigure),
    labourMarket: z.array(EsfFigure),
    age: z.array(EsfFigure),
    education: z.array(EsfFigure),
    /** Per characteristic: yes, no, no answer, not recorded. */
    characteristics: z.array(EsfFigure),
  }),
  /** Result indicators: people whose case was left in the period, each once. */
  leavers: z.object({
    total: EsfFigure,
    results: z.array(EsfFigure),
  }),
});
export type EsfReport = z.infer<typeof EsfReport>;
