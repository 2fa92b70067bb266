import type { TFunction } from 'i18next';
import type {
  AGREEMENT_STATUSES,
  DROPOUT_REASONS,
  HELD_WITH,
  HELPER_KINDS,
  NEED_AREAS,
  RiskLevel,
  RiskReason,
  Signal,
} from '../../../server/modules/apprenticeships/apprenticeships.schemas.ts';
import { formatDate } from '../i18n/format.ts';

// The words for the codes of apprenticeship support, shared by the staff's pages and the
// company's portal. Unknown codes (a newer server) show as they are.

type Of<T extends readonly string[]> = T[number];

export const areaLabel = (t: TFunction, v: Of<typeof NEED_AREAS>) => t(`apprenticeships.areas.${v}`, { defaultValue: v });
export const helperKindLabel = (t: TFunction, v: Of<typeof HELPER_KINDS>) => t(`apprenticeships.helperKinds.${v}`, { defaultValue: v });
export const heldWithLabel = (t: TFunction, v: Of<typeof HELD_WITH>) => t(`apprenticeships.heldWith.${v}`, { defaultValue: v });
export const signalLabel = (t: TFunction, v: Signal) => t(`apprenticeships.signals.${v}`, { defaultValue: v });
export const riskLabel = (t: TFunction, v: RiskLevel) => t(`apprenticeships.risk.${v}`, { defaultValue: v });
export const statusLabel = (t: TFunction, v: Of<typeof AGREEMENT_STATUSES>) => t(`apprenticeships.statuses.${v}`, { defaultValue: v });
export const dropoutLabel = (t: TFunction, v: string) =>
  t(`apprenticeships.dropoutReasons.${v as Of<typeof DROPOUT_REASONS>}`, { defaultValue: v });

/** A reason of the risk rule in words, with its signal or date. */
export function reasonText(t: TFunction, r: RiskReason, language: string): string {
  return t(`apprenticeships.reasons.${r.code}`, {
    signal: r.signal ? signalLabel(t, r.signal) : '',
    date: formatDate(r.date, language),
    defaultValue: r.code,
  });
}

/** A dark orange for warnings: Mantine's orange.9 is too light for white text (axe finds it below 4.5:1). */
export const WARNING_COLOUR = '#8f3a06';
/** Badge colours dark enough for white text (WCAG AA); the text always says the level. */
export const RISK_COLOURS: Record<RiskLevel, string> = { low: 'teal.9', medium: WARNING_COLOUR, high: 'red.9' };
