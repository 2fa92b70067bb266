import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTION_SUGGESTIONS, ENTITY_TYPE_SUGGESTIONS } from '../../shared/i18n/auditLabels.ts';

type Filter = 'action' | 'entityType' | 'entityId' | 'actorUserId' | 'from' | 'to';

interface AuditFiltersProps {
  filters: Record<Filter, string>;
  onChange: (patch: Partial<Record<Filter, string>>) => void;
}

/** Exact-match filters of the audit log; the text fields suggest the known values. */
export function AuditFilters({ filters, onChange }: AuditFiltersProps) {
  const { t } = useTranslation();
  const text = (name: Filter) => ({
    value: filters[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange({ [name]: event.currentTarget.value.trim() }),
  });
  return (
    <Group align="flex-end" mb="md" gap="sm">
      <TextInput label={t('audit.action')} list="audit-actions" w={{ base: '100%', sm: 200 }} {...text('action')} />
      <datalist id="audit-actions">
        {ACTION_SUGGESTIONS.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <TextInput label={t('audit.entityType')} list="audit-entity-types" w={{ base: '100%', sm: 160 }} {...text('entityType')} />
      <datalist id="audit-entity-types">
        {ENTITY_TYPE_SUGGESTIONS.map((e) => (
          <option key={e} value={e} />
        ))}
      </datalist>
      <TextInput label={t('audit.entityId')} w={{ base: '100%', sm: 200 }} {...text('entityId')} />
      <TextInput label={t('audit.actorUserId')} w={{ base: '100%', sm: 200 }} {...text('actorUserId')} />
      <TextInput type="date" label={t('audit.from')} w={{ base: '100%', sm: 160 }} {...text('from')} />
      <TextInput type="date" label={t('audit.to')} w={{ base: '100%', sm: 160 }} {...text('to')} />
    </Group>
  );
}
