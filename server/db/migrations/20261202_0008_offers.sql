-- Offers (Angebote): the partners' qualifications, internships, trainings and courses, with
-- enrolments (Teilnahmen) from a support plan step, a first-come waiting list, attendance per
-- session date, completion with its certificate, and dropping out (decision 0015).

CREATE TABLE offers (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id                uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  -- The partner organisation that runs it.
  provider_organisation_id  uuid NOT NULL REFERENCES organisations (id),
  kind                      text NOT NULL CHECK (kind IN ('qualification', 'internship', 'low_threshold_training',
                              'language_course', 'integration_course', 'application_training')),
  -- Empty: open to everyone.
  target_groups             text[] NOT NULL DEFAULT '{}' CHECK (target_groups <@ ARRAY['women', 'young_people',
                              'older_people', 'health_restrictions', 'family_and_work']::text[]),
  title                     text NOT NULL,
  description               text NOT NULL DEFAULT '',
  starts_on                 date NOT NULL,
  ends_on                   date NOT NULL CHECK (ends_on >= starts_on),
  -- When it meets, in words ("Mo–Fr 9–12 Uhr").
  schedule                  text,
  place                     text,
  capacity                  integer NOT NULL CHECK (capacity BETWEEN 1 AND 500),
  -- The language it is taught in (ISO 639-1).
  language                  text NOT NULL DEFAULT 'de',
  childcare                 boolean NOT NULL DEFAULT false,
  created_by                uuid REFERENCES users (id),
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  version                   integer NOT NULL DEFAULT 1
);
-- Serves the catalogue list by dates (its default order) and the provider filter.
CREATE INDEX offers_network_dates_idx ON offers (network_id, starts_on, ends_on);
CREATE INDEX offers_provider_idx ON offers (provider_organisation_id, starts_on);

CREATE TABLE offer_enrolments (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id        uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  offer_id          uuid NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
  participant_id    uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  case_id           uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  office_id         uuid NOT NULL REFERENCES organisations (id),
  -- The plan step it came from, by lineage, so it follows the step into later plan versions.
  step_lineage_id   uuid,
  state             text NOT NULL CHECK (state IN ('enrolled', 'waiting', 'completed', 'dropped_out', 'cancelled')),
  -- First come, first served: the waiting list is ordered by this.
  requested_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  enrolled_at       timestamptz,
  completed_on      date,
  certificate       boolean,
  certificate_name  text,
  certificate_on    date,
  ended_on          date,
  end_reason        text,
  created_by        uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1
);
-- One live enrolment (enrolled or waiting) per person and offer: a double submit is refused.
CREATE UNIQUE INDEX offer_enrolments_live_idx ON offer_enrolments (offer_id, participant_id) WHERE state IN ('enrolled', 'waiting');
-- Serves an offer's participants and its waiting list in order.
CREATE INDEX offer_enrolments_offer_idx ON offer_enrolments (offer_id, state, requested_at);
-- Serves the case file's list of a participant's enrolments.
CREATE INDEX offer_enrolments_participant_idx ON offer_enrolments (participant_id, created_at DESC);

-- Attendance per session date: present, excused or absent.
CREATE TABLE offer_attendance (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id     uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  enrolment_id   uuid NOT NULL REFERENCES offer_enrolments (id) ON DELETE CASCADE,
  session_on     date NOT NULL,
  status         text NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
  recorded_by    uuid REFERENCES users (id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1,
  UNIQUE (enrolment_id, session_on)
);
