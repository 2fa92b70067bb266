import '@mantine/charts/styles.css';
import { Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from '../../shared/components/BarChart.module.css';

export interface ChartRow {
  key: string;
  label: string;
  /** null: suppressed, shown as "< 5" in the table and left out of the chart. */
  value: number | null;
}

/**
 * A chart drawn by @mantine/charts for sighted users, and the same figures as a table for
 * everyone (screen readers read the table; the drawing is hidden from them and not focusable).
 */
export function ChartWithTable(props: {
  title: string;
  labelHeader: string;
  rows: ChartRow[];
  hiddenText: string;
  format: (n: number) => string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <figure className={classes.figure}>
      <Title order={3} size="h4" mb="xs" component="figcaption">
        {props.title}
      </Title>
      <div aria-hidden="true" inert>
        {props.children}
      </div>
      <details>
        <summary>{t('reports.dashboard.showTable')}</summary>
        <Table withRowBorders={false} verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{props.labelHeader}</Table.Th>
              <Table.Th scope="col" className={classes.number}>
                {t('reports.dashboard.count')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={400}>
                  {row.label}
                </Table.Th>
                <Table.Td className={classes.number}>{row.value === null ? props.hiddenText : props.format(row.value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </figure>
  );
}
