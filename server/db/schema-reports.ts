import type { ColumnType, Generated } from 'kysely';

// Row types of the reporting tables (migration 0011).

export interface ReportSettingsTable {
  network_id: string;
  months_without_benefits: number;
  monthly_amount_per_person: number;
  monthly_amount_per_household: number;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  version: Generated<number>;
}

export interface ReportTables {
  report_settings: ReportSettingsTable;
}
