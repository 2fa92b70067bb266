import type { ColumnType, Generated } from 'kysely';

// Row types of the apprenticeship support tables (migration 0010, Wegbereiter): the support
// agreement, its needs, its check-ins and the company's help requests.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;

export interface ApprenticeshipsTable {
  id: Generated<string>;
  network_id: string;
  placement_id: string;
  participant_id: string;
  office_id: string;
  employer_id: string;
  company_contact_user_id: string | null;
  company_contact_name: string | null;
  vocational_school: string;
  occupation: string;
  starts_on: DateOnly;
  planned_end_on: DateOnly;
  status: Generated<'active' | 'completed' | 'dropped_out'>;
  ended_on: DateOnly | null;
  end_reason: string | null;
  next_check_in_on: DateOnly | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ApprenticeshipNeedsTable {
  id: Generated<string>;
  network_id: string;
  apprenticeship_id: string;
  position: number;
  area: string;
  helper_kind: 'staff' | 'mentor' | 'company';
  helper_user_id: string | null;
  note: string | null;
}

export interface ApprenticeshipCheckInsTable {
  id: Generated<string>;
  network_id: string;
  apprenticeship_id: string;
  held_on: DateOnly;
  held_with: 'apprentice' | 'company' | 'both';
  notes: string | null;
  signals: ColumnType<string[], string[] | undefined, string[]>;
  next_check_in_on: DateOnly | null;
  recorded_by: string | null;
  created_at: Timestamp;
}

export interface ApprenticeshipHelpRequestsTable {
  id: Generated<string>;
  network_id: string;
  apprenticeship_id: string;
  text: string;
  asked_by: string | null;
  asked_at: Timestamp;
  handled_at: Timestamp | null;
  handled_by: string | null;
  version: Generated<number>;
}

export interface ApprenticeshipTables {
  apprenticeships: ApprenticeshipsTable;
  apprenticeship_needs: ApprenticeshipNeedsTable;
  apprenticeship_check_ins: ApprenticeshipCheckInsTable;
  apprenticeship_help_requests: ApprenticeshipHelpRequestsTable;
}
