import { Table, Title } from '@mantine/core';
import classes from './BarChart.module.css';

export interface Bar {
  key: string;
  label: string;
  /** null: suppressed because the number is small enough to identify people. */
  value: number | null;
}

interface BarChartProps {
  title: string;
  /** Heading level of the title, to fit the page's outline. */
  headingOrder?: 2 | 3;
  bars: Bar[];
  labelHeader: string;
  valueHeader: string;
  format: (value: number) => string;
  /** Text in place of a suppressed value, e.g. "< 5". */
  suppressedText: string;
}

/**
 * A horizontal bar chart that is a table: screen readers read label and number,
 * sighted users see the bars too. Bars grow from the start side, so they follow
 * right-to-left layouts.
 */
export function BarChart({ title, headingOrder = 2, bars, labelHeader, valueHeader, format, suppressedText }: BarChartProps) {
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  return (
    <figure className={classes.figure}>
      <Title order={headingOrder} size="h4" mb="xs" component="figcaption">
        {title}
      </Title>
      <Table withRowBorders={false} verticalSpacing={4} layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="38%">
              {labelHeader}
            </Table.Th>
            <Table.Th scope="col" w="22%" className={classes.number}>
              {valueHeader}
            </Table.Th>
            <Table.Td aria-hidden="true" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bars.map((bar) => (
            <Table.Tr key={bar.key}>
              <Table.Th scope="row" fw={400}>
                {bar.label}
              </Table.Th>
              <Table.Td className={classes.number}>{bar.value === null ? suppressedText : format(bar.value)}</Table.Td>
              <Table.Td aria-hidden="true">
                <div
                  className={bar.value === null ? classes.suppressed : classes.bar}
                  style={bar.value === null ? undefined : { inlineSize: `${(bar.value / max) * 100}%` }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </figure>
  );
}
