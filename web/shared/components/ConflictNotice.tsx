import { Alert, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ConflictRow {
  label: string;
  mine: string;
  current: string;
}

interface ConflictNoticeProps {
  /** The fields where the user's form and the saved record differ. */
  rows: ConflictRow[];
  /** Replace the form with the record as it is now (the user's changes are dropped). */
  onLoadCurrent: () => void;
}

/**
 * Shown after a 409: someone saved the record since this form was opened. Nothing
 * was overwritten; the user sees what the record says now and decides.
 */
export function ConflictNotice({ rows, onLoadCurrent }: ConflictNoticeProps) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('conflict.title')} role="alert" my="md">
      <Text size="sm" mb="sm">
        {t('conflict.text')}
      </Text>
      {rows.length > 0 ? (
        <Table withTableBorder mb="sm" bg="white">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('conflict.field')}</Table.Th>
              <Table.Th scope="col">{t('conflict.mine')}</Table.Th>
              <Table.Th scope="col">{t('conflict.current')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.label}>
                <Table.Th scope="row">{row.label}</Table.Th>
                <Table.Td>{row.mine || '—'}</Table.Td>
                <Table.Td>{row.current || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" mb="sm">
          {t('conflict.sameValues')}
        </Text>
      )}
      <Button onClick={onLoadCurrent}>{t('conflict.loadCurrent')}</Button>
    </Alert>
  );
}

/** The rows of a ConflictNotice: fields whose text differs between the form and the saved record. */
export function differingFields(fields: { label: string; mine: string; current: string }[]): ConflictRow[] {
  return fields.filter((f) => f.mine.trim() !== f.current.trim());
}
