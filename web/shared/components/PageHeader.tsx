import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1, its actions beside it, and the browser tab's title. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <Group justify="space-between" align="center" mb="lg" gap="sm">
      {/* Long German compounds ("Vermittlungsvorschläge") break rather than push a phone's page sideways. */}
      <Title order={1} style={{ overflowWrap: 'anywhere', hyphens: 'auto' }}>
        {title}
      </Title>
      {children && <Group gap="sm">{children}</Group>}
    </Group>
  );
}
