import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryParams } from '../api/client.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { csvSeparatorFor, toCsv, type CsvCell } from './csv.ts';
import { fetchAllPages } from './fetchAll.ts';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvCell;
}

interface ExportCsvButtonProps<T> {
  /** The list endpoint, e.g. /api/organisations. */
  path?: string;
  /** The list's current filters and sort, without paging: the export holds every match. */
  params?: QueryParams;
  /** For an endpoint without paging (a board): the rows already loaded, exported as shown. */
  rows?: readonly T[];
  columns: CsvColumn<T>[];
  /** File name without date and extension. */
  filename: string;
}

function download(filename: string, text: string): void {
  // The byte order mark makes spreadsheets read the file as UTF-8 (umlauts, Arabic names).
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export function ExportCsvButton<T>({ path, params = {}, rows: loaded, columns, filename }: ExportCsvButtonProps<T>) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function exportCsv() {
    setBusy(true);
    setError(null);
    try {
      const rows = loaded ?? (path ? await fetchAllPages<T>(path, params) : []);
      const table = [columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => c.value(row)))];
      download(`${filename}-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(table, csvSeparatorFor(i18n.language)));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="default" onClick={() => void exportCsv()} loading={busy}>
        {t('lists.exportCsv')}
      </Button>
      {error !== null && <ErrorAlert error={error} />}
    </>
  );
}
