import { z } from 'zod';

// The savings estimate's settings and its result. Amounts are whole euros per month.

const Euros = z.number().int().min(0).max(100_000);

export const ReportSettingsFields = z.object({
  /** How long a placed person is assumed to live without benefits. */
  monthsWithoutBenefits: z.number().int().min(1).max(120),
  /** Benefits one person no longer draws per month (e.g. the standard rate). */
  monthlyAmountPerPerson: Euros,
  /** What the household no longer costs per month (e.g. accommodation and heating). */
  monthlyAmountPerHousehold: Euros,
});

export const ReportSettingsUpdate = ReportSettingsFields.extend({ version: z.number().int().min(0) });
export type ReportSettingsUpdate = z.infer<typeof ReportSettingsUpdate>;

export const ReportSettingsView = ReportSettingsFields.extend({
  /** 0 while the network uses the defaults. */
  version: z.number().int(),
  /** True while nobody has set the amounts: they are the documented assumptions. */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type ReportSettingsView = z.infer<typeof ReportSettingsView>;

export const SavingsEstimate = ReportSettingsFields.extend({
  /** People placed on the first labour market in the period; null when suppressed. */
  placed: z.number().int().nullable(),
  /** placed × months × (per person + per household); null with placed. */
  total: z.number().int().nullable(),
  isDefault: z.boolean(),
});
export type SavingsEstimate = z.infer<typeof SavingsEstimate>;
