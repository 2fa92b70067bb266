import { Group, NativeSelect, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';
import { PAGE_SIZES } from './useListParams.ts';

interface ListFooterProps {
  page: number;
  pageSize: number;
  total: number;
  /** The server stopped counting at `total`: there are more. */
  totalCapped?: boolean;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}

/** "1–25 of 60", the page buttons and the page size. */
export function ListFooter({ page, pageSize, total, totalCapped = false, onPage, onPageSize }: ListFooterProps) {
  const { t, i18n } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" role="status">
        {t(totalCapped ? 'lists.rangeCapped' : 'lists.range', { from: n(from), to: n(to), total: n(total) })}
      </Text>
      <nav aria-label={t('lists.pagination')}>
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPage}
          size="sm"
          getItemProps={(item) => ({ 'aria-label': t('lists.page', { page: item }), 'aria-current': item === page ? 'page' : undefined })}
          getControlProps={(control) => ({ 'aria-label': t(`lists.${control}Page`) })}
        />
      </nav>
      <NativeSelect
        size="xs"
        label={t('lists.pageSize')}
        value={String(pageSize)}
        onChange={(event) => onPageSize(Number(event.currentTarget.value))}
        data={PAGE_SIZES.map(String)}
        styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 } }}
      />
    </Group>
  );
}
