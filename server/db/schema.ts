import type { ColumnType, Generated } from 'kysely';
import type { ApprenticeshipTables } from './schema-apprenticeships.ts';
import type { ContactPerson, JobTables } from './schema-jobs.ts';
import type { OfferTables } from './schema-offers.ts';
import type { MentorshipTables } from './schema-mentorships.ts';
import type { EsfTables } from './schema-esf.ts';
import type { ReportTables } from './schema-reports.ts';

// Row types of the tables, as Kysely sees them. Kept by hand beside the SQL migrations.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;

export interface NetworksTable {
  id: Generated<string>;
  slug: string;
  name: string;
  /** The cycle rule (migration 0005). */
  cycle_months: Generated<number>;
  exchange_after_months: ColumnType<number[], number[] | undefined, number[]>;
  conference_weeks_before: Generated<number>;
  /** Moved by triggers on every write to vacancies (migration 0006): matching's cache key. */
  vacancies_changed: ColumnType<string, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CitiesTable {
  id: Generated<string>;
  network_id: string;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export type OrganisationKind = 'case_management_office' | 'partner' | 'employer' | 'volunteer_group';

export interface OrganisationsTable {
  id: Generated<string>;
  network_id: string;
  kind: OrganisationKind;
  name: string;
  city_id: string | null;
  description: Generated<string>;
  email: string | null;
  phone: string | null;
  address: string | null;
  active: Generated<boolean>;
  /** Employers only (migration 0006). */
  sector: string | null;
  size: 'micro' | 'small' | 'medium' | 'large' | null;
  postcode: string | null;
  notes: string | null;
  contact_persons: ColumnType<ContactPerson[], string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface UsersTable {
  id: Generated<string>;
  network_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  locale: Generated<string>;
  status: Generated<'active' | 'disabled'>;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface MembershipsTable {
  id: Generated<string>;
  network_id: string;
  user_id: string;
  organisation_id: string | null;
  role: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  network_id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailuresTable {
  id: Generated<string>;
  account_key: string;
  ip: string;
  at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<string>;
  network_id: string;
  seq: ColumnType<string, string | number | bigint, never>;
  at: Timestamp;
  request_id: string | null;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_organisation_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadsTable {
  network_id: string;
  seq: ColumnType<string, string | number | bigint, string | number | bigint>;
  hash: string;
}

type Json<T> = ColumnType<T, string, string>;

export interface ParticipantsTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  given_names: string;
  family_name: string;
  preferred_name: string | null;
  birth_date: DateOnly | null;
  gender: Generated<'female' | 'male' | 'non_binary' | 'not_stated'>;
  nationality: string | null;
  languages: ColumnType<{ language: string; level: string }[], string | undefined, string>;
  german_level: string | null;
  phone: string | null;
  email: string | null;
  street: string | null;
  postcode: string | null;
  town: string | null;
  housing: string | null;
  family_status: string | null;
  children_count: number | null;
  childcare_needed: boolean | null;
  interpreter_needed: Generated<boolean>;
  interpreter_language: string | null;
  created_by: string | null;
  merged_into: string | null;
  merged_at: Timestamp | null;
  /** Kept by database triggers from the latest case and residence document (migration 0004). */
  current_case_id: ColumnType<string | null, never, never>;
  current_residence_id: ColumnType<string | null, never, never>;
  case_status: ColumnType<CasesTable['status'] | null, never, never>;
  case_entry_date: ColumnType<string | null, never, never>;
  case_manager_id: ColumnType<string | null, never, never>;
  case_city_id: ColumnType<string | null, never, never>;
  residence_title: ColumnType<string | null, never, never>;
  residence_valid_until: ColumnType<string | null, never, never>;
  name_folded: ColumnType<string, never, never>;
  name_codes: ColumnType<string[], never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface FundingPeriodsTable {
  id: Generated<string>;
  network_id: string;
  name: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface SkillsTable {
  id: Generated<string>;
  network_id: string;
  label_de: string;
  label_en: string;
  esco_uri: string | null;
  created_at: Timestamp;
}

export interface IntakesTable {
  id: Generated<string>;
  network_id: string;
  participant_id: string;
  case_id: string;
  conducted_on: DateOnly | null;
  sections: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface EmployabilityChecksTable {
  id: Generated<string>;
  network_id: string;
  participant_id: string;
  needed: boolean;
  result: 'fit' | 'fit_with_restrictions' | 'not_fit_for_now' | null;
  restrictions: string | null;
  checked_on: DateOnly | null;
  review_on: DateOnly | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ResidenceStatusesTable {
  id: Generated<string>;
  network_id: string;
  participant_id: string;
  title: string;
  paragraph: string | null;
  valid_from: DateOnly | null;
  valid_until: DateOnly | null;
  work_clause: 'permitted' | 'permission_required' | 'not_permitted';
  entry_date: DateOnly | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ConsentsTable {
  id: Generated<string>;
  network_id: string;
  participant_id: string;
  recipient_organisation_id: string;
  categories: string[];
  form_version: string;
  language: string;
  given_on: DateOnly;
  method: 'signed_form' | 'verbal_with_interpreter' | 'electronic';
  expires_on: DateOnly | null;
  withdrawn_at: Timestamp | null;
  withdrawal_note: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface CaseEventsTable {
  id: Generated<string>;
  network_id: string;
  participant_id: string;
  case_id: string | null;
  at: Timestamp;
  actor_user_id: string | null;
  kind: string;
  data: Json<Record<string, unknown>>;
}

export interface ParticipantMergesTable {
  id: Generated<string>;
  network_id: string;
  kept_id: string;
  merged_id: string;
  snapshot: Json<Record<string, unknown>>;
  merged_by: string | null;
  merged_at: Timestamp;
  undone_by: string | null;
  undone_at: Timestamp | null;
}

export interface DuplicateDismissalsTable {
  network_id: string;
  participant_a: string;
  participant_b: string;
  dismissed_by: string | null;
  dismissed_at: Timestamp;
}

export interface CasesTable {
  id: Generated<string>;
  network_id: string;
  participant_id: string;
  status: 'invited' | 'active' | 'paused' | 'placed' | 'closed' | 'dropped_out';
  office_id: string;
  funding_period_id: string | null;
  case_manager_id: string | null;
  city_id: string;
  entry_date: DateOnly | null;
  exit_date: DateOnly | null;
  exit_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ImportsTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  created_by: string;
  file_name: string;
  file_type: 'csv' | 'xlsx';
  content: Buffer;
  row_count: number;
  status: Generated<'uploaded' | 'imported'>;
  imported_count: number | null;
  skipped_count: number | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export type StepStatus = 'open' | 'in_progress' | 'done' | 'dropped';

export interface StepTypesTable {
  id: Generated<string>;
  network_id: string;
  key: string;
  labels: Json<Record<string, string>>;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface PlanVersionsTable {
  id: Generated<string>;
  network_id: string;
  participant_id: string;
  case_id: string;
  number: number;
  state: 'draft' | 'current' | 'superseded';
  discussed_on: DateOnly | null;
  attendees: string | null;
  finalised_by: string | null;
  finalised_at: Timestamp | null;
  conference_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PlanGoalsTable {
  id: Generated<string>;
  network_id: string;
  plan_version_id: string;
  lineage_id: string;
  position: number;
  title: string;
}

export interface PlanStepsTable {
  id: Generated<string>;
  network_id: string;
  plan_version_id: string;
  goal_id: string;
  lineage_id: string;
  position: number;
  step_type_id: string;
  text: Generated<string>;
  responsible_organisation_id: string;
  due_on: DateOnly | null;
  status: ColumnType<StepStatus, StepStatus | undefined, StepStatus>;
  status_note: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export type ReferralState = 'draft' | 'sent' | 'accepted' | 'declined' | 'revoked' | 'completed';

export interface ReferralsTable {
  id: Generated<string>;
  network_id: string;
  participant_id: string;
  case_id: string;
  partner_organisation_id: string;
  state: ReferralState;
  starts_on: DateOnly;
  ends_on: DateOnly;
  categories: string[];
  consent_id: string | null;
  override_reason: string | null;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  message: string | null;
  previous_referral_id: string | null;
  created_by: string | null;
  sent_at: Timestamp | null;
  sent_by: string | null;
  answered_at: Timestamp | null;
  answered_by: string | null;
  caseworker_id: string | null;
  decline_reason: string | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  completed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ReferralTasksTable {
  id: Generated<string>;
  network_id: string;
  referral_id: string;
  step_lineage_id: string | null;
  position: number;
  step_type_id: string;
  text: Generated<string>;
  due_on: DateOnly | null;
  status: ColumnType<StepStatus, StepStatus | undefined, StepStatus>;
  progress_note: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ReferralNotesTable {
  id: Generated<string>;
  network_id: string;
  referral_id: string;
  author_id: string | null;
  text: string;
  created_at: Timestamp;
}

export interface AppointmentsTable {
  id: Generated<string>;
  network_id: string;
  participant_id: string;
  referral_id: string;
  kind: 'exchange' | 'case_conference';
  starts_at: Timestamp;
  duration_minutes: Generated<number>;
  location: string | null;
  state: ColumnType<'planned' | 'held' | 'cancelled', 'planned' | 'held' | 'cancelled' | undefined, 'planned' | 'held' | 'cancelled'>;
  minutes: string | null;
  decisions: ColumnType<unknown[], string | undefined, string>;
  next_steps: string | null;
  outcome: 'next_cycle' | 'close_case' | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CalendarFeedsTable {
  id: Generated<string>;
  network_id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface NotificationsTable {
  id: Generated<string>;
  network_id: string;
  user_id: string;
  kind: string;
  entity_type: string;
  entity_id: string | null;
  due_on: DateOnly | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  dedupe_key: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  email_status: Generated<'pending' | 'sending' | 'sent' | 'failed' | 'skipped'>;
  email_claimed_at: Timestamp | null;
  email_sent_at: Timestamp | null;
  email_attempts: Generated<number>;
  email_error: string | null;
}

export interface DB extends JobTables, OfferTables, MentorshipTables, ApprenticeshipTables, EsfTables, ReportTables {
  networks: NetworksTable;
  cities: CitiesTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
  participants: ParticipantsTable;
  cases: CasesTable;
  funding_periods: FundingPeriodsTable;
  skills: SkillsTable;
  intakes: IntakesTable;
  employability_checks: EmployabilityChecksTable;
  residence_statuses: ResidenceStatusesTable;
  consents: ConsentsTable;
  case_events: CaseEventsTable;
  participant_merges: ParticipantMergesTable;
  duplicate_dismissals: DuplicateDismissalsTable;
  imports: ImportsTable;
  step_types: StepTypesTable;
  plan_versions: PlanVersionsTable;
  plan_goals: PlanGoalsTable;
  plan_steps: PlanStepsTable;
  referrals: ReferralsTable;
  referral_tasks: ReferralTasksTable;
  referral_notes: ReferralNotesTable;
  appointments: AppointmentsTable;
  calendar_feeds: CalendarFeedsTable;
  notifications: NotificationsTable;
}
