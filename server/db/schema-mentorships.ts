import type { ColumnType, Generated } from 'kysely';

// Row types of the volunteers and mentorships tables (migration 0009).
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
/** numeric comes back from the driver as a string. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface VolunteerSettingsTable {
  network_id: string;
  certificate_required: Generated<boolean>;
  certificate_max_age_months: Generated<number>;
  updated_at: Timestamp;
  version: Generated<number>;
}

export type VolunteerStatus = 'active' | 'paused' | 'left';

export interface VolunteersTable {
  id: Generated<string>;
  network_id: string;
  organisation_id: string;
  user_id: string | null;
  display_name: string;
  email: string | null;
  phone: string | null;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  profession: string | null;
  availability: Generated<string>;
  postcode: string | null;
  max_mentees: Generated<number>;
  agreement_signed_on: DateOnly | null;
  pledge_signed_on: DateOnly | null;
  certificate_issued_on: DateOnly | null;
  status: Generated<VolunteerStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export type MentorshipKind = 'participant' | 'apprenticeship';
export type MentorshipEndReason = 'goals_reached' | 'placed' | 'participant_left' | 'mentor_left' | 'no_contact' | 'other';

export interface MentorshipsTable {
  id: Generated<string>;
  network_id: string;
  volunteer_id: string;
  participant_id: string;
  office_id: string;
  kind: MentorshipKind;
  employer_id: string | null;
  starts_on: DateOnly;
  goals: Generated<string>;
  ends_on: DateOnly | null;
  end_reason: MentorshipEndReason | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export type MeetingStatus = 'planned' | 'held' | 'cancelled';

export interface MentorshipMeetingsTable {
  id: Generated<string>;
  network_id: string;
  mentorship_id: string;
  meets_on: DateOnly;
  starts_at: string | null;
  place: string | null;
  status: MeetingStatus;
  hours: Numeric | null;
  note: Generated<string>;
  recorded_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface MentorshipTables {
  volunteer_settings: VolunteerSettingsTable;
  volunteers: VolunteersTable;
  mentorships: MentorshipsTable;
  mentorship_meetings: MentorshipMeetingsTable;
}
