import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTION_SUGGESTIONS, ENTITY_TYPE_SUGGESTIONS } from '../../shared/i18n/auditLabels.ts';
import { SearchInput } from '../../shared/lists/SearchInput.tsx';

type Filter = 'action' | 'entityType' | 'entityId' | 'actorUserId' | 'from' | 'to';

interface AuditFiltersProps {
  filters: Record<Filter, string>;
  onChange: (patch: Partial<Record<Filter, string>>) => void;
}

/** Exact-match filters of the audit log; the text fields suggest the known values. */
export function AuditFilters({ filters, onChange }: AuditFiltersProps) {
  const { t } = useTranslation();
  const text = (name: Filter, width: number) => ({
    type: 'text',
    value: filters[name],
    onSearch: (value: string) => onChange({ [name]: value }),
    w: { base: '100%', sm: width },
  });
  const date = (name: Filter) => ({
    type: 'date',
    value: filters[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange({ [name]: event.currentTarget.value }),
    w: { base: '100%', sm: 160 },
  });
  return (
    <Group align="flex-end" mb="md" gap="sm">
      <SearchInput label={t('audit.action')} list="audit-actions" {...text('action', 200)} />
      <datalist id="audit-actions">
        {ACTION_SUGGESTIONS.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <SearchInput label={t('audit.entityType')} list="audit-entity-types" {...text('entityType', 160)} />
      <datalist id="audit-entity-types">
        {ENTITY_TYPE_SUGGESTIONS.map((e) => (
          <option key={e} value={e} />
        ))}
      </datalist>
      <SearchInput label={t('audit.entityId')} {...text('entityId', 200)} />
      <SearchInput label={t('audit.actorUserId')} {...text('actorUserId', 200)} />
      <TextInput label={t('audit.from')} {...date('from')} />
      <TextInput label={t('audit.to')} {...date('to')} />
    </Group>
  );
}
