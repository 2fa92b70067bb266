import type { ColumnType, Generated } from 'kysely';

// Row types of the ESF+ tables (migration 0012): the situation on leaving.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface LeavingSituationsTable {
  case_id: string;
  network_id: string;
  job_searching: boolean;
  in_education_or_training: boolean;
  qualification_gained: boolean;
  recorded_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface EsfTables {
  leaving_situations: LeavingSituationsTable;
}
