import { z } from 'zod';
import { IsoDate } from '../participants/participants.schemas.ts';

export const SkillView = z.object({ id: z.uuid(), labelDe: z.string(), labelEn: z.string(), escoUri: z.string().nullable() });
export type SkillView = z.infer<typeof SkillView>;

export const SkillCreateInput = z.object({
  labelDe: z.string().trim().min(2).max(120),
  labelEn: z.string().trim().min(2).max(120),
  escoUri: z
    .url({ error: 'An ESCO URI such as http://data.europa.eu/esco/skill/…' })
    .regex(/^https?:\/\/data\.europa\.eu\/esco\//, { error: 'An ESCO URI such as http://data.europa.eu/esco/skill/…' })
    .nullish(),
});
export type SkillCreateInput = z.infer<typeof SkillCreateInput>;

export const FundingPeriodView = z.object({ id: z.uuid(), name: z.string(), startsOn: IsoDate, endsOn: IsoDate });
export type FundingPeriodView = z.infer<typeof FundingPeriodView>;

export const FundingPeriodCreateInput = z
  .object({ name: z.string().trim().min(2).max(100), startsOn: IsoDate, endsOn: IsoDate })
  .refine((p) => p.endsOn >= p.startsOn, { error: 'The end must not be before the start', path: ['endsOn'] });
export type FundingPeriodCreateInput = z.infer<typeof FundingPeriodCreateInput>;

/** The catalogue a new network starts with; admins extend it. */
export const DEFAULT_SKILLS: [string, string][] = [
  ['Lager und Logistik', 'Warehouse and logistics'],
  ['Staplerschein', 'Forklift licence'],
  ['Gastronomie und Küche', 'Catering and kitchen'],
  ['Reinigung', 'Cleaning'],
  ['Pflege und Betreuung', 'Care work'],
  ['Verkauf und Kasse', 'Sales and checkout'],
  ['Handwerk: Holz', 'Crafts: wood'],
  ['Handwerk: Metall und Schweißen', 'Crafts: metal and welding'],
  ['Elektroinstallation', 'Electrical installation'],
  ['Bau und Ausbau', 'Construction and finishing'],
  ['Kfz-Technik', 'Vehicle mechanics'],
  ['Friseurhandwerk', 'Hairdressing'],
  ['Schneiderei und Textil', 'Tailoring and textiles'],
  ['Landwirtschaft und Garten', 'Agriculture and gardening'],
  ['Büro und Verwaltung', 'Office and administration'],
  ['IT und Computer', 'IT and computers'],
  ['Dolmetschen und Übersetzen', 'Interpreting and translating'],
  ['Kinderbetreuung', 'Childcare'],
  ['Fahren: Pkw', 'Driving: car'],
  ['Fahren: Lkw', 'Driving: lorry'],
];
