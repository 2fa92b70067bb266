import { z } from 'zod';
import { IsoDate } from '../participants/participants.schemas.ts';
import { SavingsEstimate } from './savings.schemas.ts';

// The programme dashboard: counts of people for a period, small numbers suppressed. Every
// rule (who is a participant, placed, in which city) is in docs/decisions/0018-programme-reporting.md.

export const ProgrammeQuery = z
  .object({
    from: IsoDate,
    to: IsoDate,
    /** One city of the network; without it, the network's figures (the sum of its cities). */
    cityId: z.uuid().optional(),
    /** A case management office (the person's case) or a partner (people referred to it). */
    organisationId: z.uuid().optional(),
    /** Cases of one funding period only. */
    fundingPeriodId: z.uuid().optional(),
  })
  .refine((q) => q.to >= q.from, { error: 'The period ends before it starts', path: ['to'] })
  .refine((q) => q.to <= `${Number(q.from.slice(0, 4)) + 10}${q.from.slice(4)}`, {
    error: 'A period is at most ten years long',
    path: ['to'],
  });
export type ProgrammeQuery = z.infer<typeof ProgrammeQuery>;

/** One cell of a breakdown; count null: suppressed (below the threshold, or it would reveal one). */
export const ReportCell = z.object({ key: z.string(), count: z.number().int().nullable() });
export type ReportCell = z.infer<typeof ReportCell>;

/** Placed people among participants; rate null whenever either count is suppressed. */
export const PlacementRate = z.object({
  key: z.string(),
  participants: z.number().int().nullable(),
  placed: z.number().int().nullable(),
  /** placed / participants, 0–1. */
  rate: z.number().nullable(),
});
export type PlacementRate = z.infer<typeof PlacementRate>;

export const FUNNEL_STAGES = ['participants', 'intake', 'plan', 'referral', 'proposal', 'placement'] as const;
/** Support beside the cycle: a running mentorship, taking part in an offer, an offer completed (with a certificate). */
export const SUPPORT_KEYS = ['mentorship', 'offer', 'offer_completed', 'offer_certificate'] as const;
export const AGE_BANDS = ['under_18', '18_29', '30_54', '55_plus', 'unknown'] as const;

export const ProgrammeReport = z.object({
  from: IsoDate,
  to: IsoDate,
  cityId: z.uuid().nullable(),
  organisationId: z.uuid().nullable(),
  fundingPeriodId: z.uuid().nullable(),
  threshold: z.number().int(),
  /** People with a case open on some day of the period, each once. */
  participants: z.number().int().nullable(),
  /** Of them, people whose first entry falls in the period. */
  entrants: z.number().int().nullable(),
  /** Entrants by the month of their first entry in the period (key YYYY-MM), every month of the period. */
  entriesByMonth: z.array(ReportCell),
  byGender: z.array(ReportCell),
  byAgeBand: z.array(ReportCell),
  /** Under 25 at entry, as the programme counts it (cuts across the age bands). */
  under25: z.number().int().nullable(),
  byResidenceTitle: z.array(ReportCell),
  byGermanLevel: z.array(ReportCell),
  byCity: z.array(ReportCell),
  /** The case management office of the person's case. */
  byOffice: z.array(ReportCell),
  /** People referred to each partner organisation by the period's end. */
  byPartner: z.array(ReportCell),
  /** Placements starting in the period: first labour market by kind, and "other_labour_market". */
  placementsByKind: z.array(ReportCell),
  placementRate: PlacementRate,
  placementRateByCity: z.array(PlacementRate),
  /** Median days from the case's entry to the start of the person's first placement in the period. */
  medianDaysToPlacement: z.number().nullable(),
  /** People who reached each stage by the period's end. */
  funnel: z.array(ReportCell),
  /** People with each kind of support in the period (SUPPORT_KEYS). */
  support: z.array(ReportCell),
  savings: SavingsEstimate,
});
export type ProgrammeReport = z.infer<typeof ProgrammeReport>;

export const ReportFileQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });

/** What the dashboard's organisation filter offers: names of offices and partners, no people. */
export const ReportOptions = z.object({
  offices: z.array(z.object({ id: z.uuid(), name: z.string() })),
  partners: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type ReportOptions = z.infer<typeof ReportOptions>;
