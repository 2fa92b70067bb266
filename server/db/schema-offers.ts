import type { ColumnType, Generated } from 'kysely';
import type { AttendanceStatus, EnrolmentState, OfferKind, TargetGroup } from '../modules/offers/offers.schemas.ts';

// Row types of the offers tables (migration 0008): the catalogue of offers, enrolments with
// their waiting list, and attendance per session date.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;

export interface OffersTable {
  id: Generated<string>;
  network_id: string;
  provider_organisation_id: string;
  kind: OfferKind;
  target_groups: ColumnType<TargetGroup[], TargetGroup[] | undefined, TargetGroup[]>;
  title: string;
  description: Generated<string>;
  starts_on: DateOnly;
  ends_on: DateOnly;
  schedule: string | null;
  place: string | null;
  capacity: number;
  language: Generated<string>;
  childcare: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface OfferEnrolmentsTable {
  id: Generated<string>;
  network_id: string;
  offer_id: string;
  participant_id: string;
  case_id: string;
  office_id: string;
  step_lineage_id: string | null;
  state: EnrolmentState;
  requested_at: Timestamp;
  enrolled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  completed_on: DateOnly | null;
  certificate: boolean | null;
  certificate_name: string | null;
  certificate_on: DateOnly | null;
  ended_on: DateOnly | null;
  end_reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface OfferAttendanceTable {
  id: Generated<string>;
  network_id: string;
  enrolment_id: string;
  session_on: DateOnly;
  status: AttendanceStatus;
  recorded_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface OfferTables {
  offers: OffersTable;
  offer_enrolments: OfferEnrolmentsTable;
  offer_attendance: OfferAttendanceTable;
}
