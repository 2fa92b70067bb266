import { z } from 'zod';
import { IsoDate } from '../participants/participants.schemas.ts';

// The ESF+ participant indicators (Regulation (EU) 2021/1057, Annex I) for a period:
// counts only, every figure named by its indicator id and broken down by gender. The
// rules are in docs/indicators/esf-plus.md, one anchor per indicator.

const EsfPeriod = z.object({
  from: IsoDate,
  to: IsoDate,
  /** One city of the network; without it, the network's figures. */
  cityId: z.uuid().optional(),
  /** Cases of one funding period only. */
  fundingPeriodId: z.uuid().optional(),
});
const inOrder = (q: { from: string; to: string }) => q.to >= q.from;
const inOrderError = { error: 'The period ends before it starts', path: ['to'] };

export const EsfReportQuery = EsfPeriod.refine(inOrder, inOrderError);
export type EsfReportQuery = z.infer<typeof EsfReportQuery>;

/** The files: the same query, and the language of names and headers (else the browser's). */
export const EsfExportQuery = EsfPeriod.extend({ language: z.enum(['de', 'en']).optional() }).refine(inOrder, inOrderError);
export type EsfExportQuery = z.infer<typeof EsfExportQuery>;

/** Annex I breaks every figure down by gender; "not stated" makes the columns add up to the total. */
export const ESF_GENDERS = ['female', 'male', 'non_binary', 'not_stated'] as const;
export type EsfGender = (typeof ESF_GENDERS)[number];

/** A count, null when suppressed. */
const Count = z.number().int().nullable();

/** One figure: its indicator id (an ESF+ common code where there is one), its count and its gender breakdown. */
export const EsfFigure = z.object({
  indicator: z.string(),
  key: z.string(),
  /** The anchor of the figure's rule in docs/indicators/esf-plus.md. */
  rule: z.string(),
  count: Count,
  byGender: z.object({ female: Count, male: Count, non_binary: Count, not_stated: Count }),
});
export type EsfFigure = z.infer<typeof EsfFigure>;

export const EsfReport = z.object({
  from: IsoDate,
  to: IsoDate,
  cityId: z.uuid().nullable(),
  fundingPeriodId: z.uuid().nullable(),
  /** Cells below it (and those that would reveal them) are null. */
  threshold: z.number().int(),
  /** Output indicators: people whose participation began in the period, each once. */
  entrants: z.object({
    total: EsfFigure,
    labourMarket: z.array(EsfFigure),
    age: z.array(EsfFigure),
    education: z.array(EsfFigure),
    /** Per characteristic: yes, no, no answer, not recorded. */
    characteristics: z.array(EsfFigure),
  }),
  /** Result indicators: people whose participation ended (final exit) in the period, each once. */
  leavers: z.object({
    total: EsfFigure,
    results: z.array(EsfFigure),
  }),
});
export type EsfReport = z.infer<typeof EsfReport>;
