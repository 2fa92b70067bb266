import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../shared/components/PageHeader.tsx';

export function StatusPage({ kind }: { kind: 'notFound' | 'forbidden' }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`status.${kind}.title`)} />
      <Text mb="md">{t(`status.${kind}.text`)}</Text>
      <Anchor component={Link} to="/">
        {t('status.toStart')}
      </Anchor>
    </>
  );
}
