import { Badge, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Risk } from '../../../server/modules/apprenticeships/apprenticeships.schemas.ts';
import { reasonText, RISK_COLOURS, riskLabel } from '../../shared/apprenticeships/labels.ts';

export function RiskBadge({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  return (
    <Badge color={RISK_COLOURS[risk.level]} variant="filled" tt="none" miw="max-content">
      {riskLabel(t, risk.level)}
    </Badge>
  );
}

/** The reasons of the risk rule, as a list (decision 0017 explains the rule). */
export function RiskReasons({ risk }: { risk: Risk }) {
  const { t, i18n } = useTranslation();
  if (risk.reasons.length === 0) return <Text size="sm">{t('apprenticeships.page.noReasons')}</Text>;
  return (
    <List size="sm">
      {risk.reasons.map((r, i) => (
        <List.Item key={`${r.code}-${r.signal ?? ''}-${i}`}>{reasonText(t, r, i18n.language)}</List.Item>
      ))}
    </List>
  );
}
