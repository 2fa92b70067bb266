import { Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortOrder } from './useListParams.ts';
import classes from './DataTable.module.css';

export interface Column<T> {
  key: string;
  header: string;
  /** Set when the server can sort by this column; the value is the list's sort field. */
  sortField?: string;
  render: (row: T) => ReactNode;
}

interface DataTableProps<T> {
  /** Names the table for screen readers (and the scroll region around it). */
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  sort?: string;
  order?: SortOrder;
  onSort?: (field: string) => void;
  loading?: boolean;
  /** Below this width (px) the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
}

/** A list page's table: server-side sorting from the column headers, horizontal scrolling on small screens. */
export function DataTable<T>({ caption, columns, rows, rowKey, sort, order, onSort, loading, minWidth = 640 }: DataTableProps<T>) {
  const { t } = useTranslation();
  return (
    <div className={classes.scroll} role="region" aria-label={caption} tabIndex={0}>
      <Table striped highlightOnHover verticalSpacing="xs" miw={minWidth} aria-busy={loading || undefined}>
        <Table.Caption className={classes.caption}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => {
              const active = column.sortField !== undefined && column.sortField === sort;
              return (
                <Table.Th key={column.key} scope="col" aria-sort={active ? (order === 'desc' ? 'descending' : 'ascending') : undefined}>
                  {column.sortField && onSort ? (
                    <UnstyledButton className={classes.sortButton} onClick={() => onSort(column.sortField!)}>
                      {column.header}
                      <span aria-hidden="true" className={classes.arrow}>
                        {active ? (order === 'desc' ? '▼' : '▲') : '↕'}
                      </span>
                    </UnstyledButton>
                  ) : (
                    column.header
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column) => (
                <Table.Td key={column.key}>{column.render(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
          {rows.length === 0 && !loading && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text py="md">{t('lists.empty')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
