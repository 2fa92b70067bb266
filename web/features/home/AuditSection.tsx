import { Anchor, Paper, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEventView } from '../../../server/modules/audit/audit.schemas.ts';
import { api, type Page } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { actionLabel } from '../../shared/i18n/auditLabels.ts';
import { formatDateTime } from '../../shared/i18n/format.ts';

const LATEST = { order: 'desc', page: 1, pageSize: 8 } as const;

export function AuditSection() {
  const { t, i18n } = useTranslation();
  const events = useQuery({
    queryKey: ['/api/audit-events', LATEST],
    queryFn: () => api.get<Page<AuditEventView>>('/api/audit-events', LATEST),
  });

  return (
    <section aria-labelledby="home-audit">
      <Title order={2} id="home-audit" mb="sm">
        {t('home.audit.heading')}
      </Title>
      <Paper withBorder p="md">
        {events.error && <ErrorAlert error={events.error} />}
        {events.data && (
          <Table mb="md">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
              {t('home.audit.caption', { count: events.data.total })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.at')}</Table.Th>
                <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
                  <Table.Td>{e.actorName ?? t('audit.system')}</Table.Td>
                  <Table.Td>{actionLabel(t, e.action)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Anchor component={Link} to="/audit" fw={600}>
          {t('home.audit.all')}
        </Anchor>
      </Paper>
    </section>
  );
}
