import type { ColumnType, Generated } from 'kysely';

// Row types of the tables, as Kysely sees them. Kept by hand beside the SQL migrations.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;

export interface NetworksTable {
  id: Generated<string>;
  slug: string;
  name: string;
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

export interface ParticipantsTable {
  id: Generated<string>;
  network_id: string;
  office_id: string;
  given_names: string;
  family_name: string;
  birth_date: DateOnly | null;
  gender: Generated<'female' | 'male' | 'non_binary' | 'not_stated'>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CasesTable {
  id: Generated<string>;
  network_id: string;
  participant_id: string;
  status: 'invited' | 'active' | 'paused' | 'placed' | 'closed' | 'dropped_out';
  case_manager_id: string | null;
  city_id: string;
  entry_date: DateOnly | null;
  exit_date: DateOnly | null;
  exit_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface DB {
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
}
