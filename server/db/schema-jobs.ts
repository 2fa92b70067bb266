import type { ColumnType, Generated } from 'kysely';

// Row types of the jobs tables (migration 0006): employers' contact log, vacancies, job
// profiles, proposals with their stages, placements and their follow-ups.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;

export interface ContactPerson {
  name: string;
  position?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface EmployerContactsTable {
  id: Generated<string>;
  network_id: string;
  employer_id: string;
  kind: 'call' | 'visit' | 'event' | 'email' | 'other';
  contacted_on: DateOnly;
  note: Generated<string>;
  recorded_by: string | null;
  created_at: Timestamp;
}

export interface VacanciesTable {
  id: Generated<string>;
  network_id: string;
  employer_id: string;
  kind: 'job' | 'apprenticeship' | 'internship';
  title: string;
  occupation: string | null;
  description: Generated<string>;
  required_skill_ids: ColumnType<string[], string[] | undefined, string[]>;
  german_level: string | null;
  driving_licence: Generated<boolean>;
  shift_work: Generated<boolean>;
  weekend_work: Generated<boolean>;
  physical_demands: Generated<'light' | 'moderate' | 'heavy'>;
  postcode: string | null;
  town: string | null;
  hours_per_week: number | null;
  starts_on: DateOnly | null;
  places: Generated<number>;
  status: Generated<'open' | 'filled' | 'withdrawn'>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface JobProfilesTable {
  participant_id: string;
  network_id: string;
  reachability: 'car' | 'public_transport' | 'bike' | null;
  max_hours_per_week: number | null;
  available_from: DateOnly | null;
  shift_work: boolean | null;
  weekend_work: boolean | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export type ProposalStage = 'proposed' | 'applied' | 'interview' | 'trial_work' | 'hired' | 'rejected' | 'withdrawn';

export interface ProposalsTable {
  id: Generated<string>;
  network_id: string;
  vacancy_id: string;
  employer_id: string;
  participant_id: string;
  office_id: string;
  referral_id: string | null;
  stage: Generated<ProposalStage>;
  stage_on: DateOnly;
  note: string | null;
  flags: ColumnType<string[], string[] | undefined, string[]>;
  proposed_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ProposalStagesTable {
  id: Generated<string>;
  network_id: string;
  proposal_id: string;
  stage: ProposalStage;
  stage_on: DateOnly;
  note: string | null;
  moved_by: string | null;
  moved_by_role: string | null;
  at: Timestamp;
}

export type PlacementKind = 'employment' | 'apprenticeship' | 'marginal_employment' | 'self_employment';

export interface PlacementsTable {
  id: Generated<string>;
  network_id: string;
  participant_id: string;
  case_id: string;
  office_id: string;
  proposal_id: string | null;
  kind: PlacementKind;
  first_labour_market: boolean;
  employer_id: string | null;
  employer_name: string | null;
  starts_on: DateOnly;
  hours_per_week: number | null;
  occupation: string;
  closed_case: Generated<boolean>;
  recorded_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PlacementFollowUpsTable {
  id: Generated<string>;
  network_id: string;
  placement_id: string;
  kind: 'day_28' | 'month_6';
  due_on: DateOnly;
  checked_on: DateOnly | null;
  still_employed: boolean | null;
  note: string | null;
  recorded_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface JobTables {
  employer_contacts: EmployerContactsTable;
  vacancies: VacanciesTable;
  job_profiles: JobProfilesTable;
  proposals: ProposalsTable;
  proposal_stages: ProposalStagesTable;
  placements: PlacementsTable;
  placement_follow_ups: PlacementFollowUpsTable;
}
