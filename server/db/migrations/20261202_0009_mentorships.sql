-- Volunteers and mentorships (Patenschaften): the network's onboarding rule, volunteer
-- profiles (with or without a login), mentorships between a volunteer and a participant
-- (or an apprentice and their company) and the log of their meetings with hours.

-- The network's onboarding rule: whether an extended certificate of conduct
-- (erweitertes Führungszeugnis) is required, and how old it may be.
CREATE TABLE volunteer_settings (
  network_id                 uuid PRIMARY KEY REFERENCES networks (id) ON DELETE CASCADE,
  certificate_required       boolean NOT NULL DEFAULT false,
  certificate_max_age_months integer NOT NULL DEFAULT 60 CHECK (certificate_max_age_months BETWEEN 1 AND 120),
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  version                    integer NOT NULL DEFAULT 1
);

CREATE TABLE volunteers (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id            uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  -- The volunteer group (organisation of kind volunteer_group) the volunteer belongs to.
  organisation_id       uuid NOT NULL REFERENCES organisations (id),
  -- The login, if the volunteer has one (a user with the mentor role in that group).
  user_id               uuid UNIQUE REFERENCES users (id),
  display_name          text NOT NULL,
  email                 text,
  phone                 text,
  -- Lower-case language names or codes as entered ("arabisch", "en"); compared folded.
  languages             text[] NOT NULL DEFAULT '{}',
  skills                text[] NOT NULL DEFAULT '{}',
  profession            text,
  availability          text NOT NULL DEFAULT '',
  postcode              text CHECK (postcode ~ '^[0-9]{5}$'),
  max_mentees           integer NOT NULL DEFAULT 1 CHECK (max_mentees BETWEEN 1 AND 10),
  agreement_signed_on   date,
  pledge_signed_on      date,
  certificate_issued_on date,
  status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'left')),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1
);
-- Serves the volunteers list, ordered by name.
CREATE INDEX volunteers_network_name_idx ON volunteers (network_id, display_name);

CREATE TABLE mentorships (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id     uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  volunteer_id   uuid NOT NULL REFERENCES volunteers (id),
  participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  -- The participant's office when the mentorship began: its case managers look after it.
  office_id      uuid NOT NULL REFERENCES organisations (id),
  kind           text NOT NULL CHECK (kind IN ('participant', 'apprenticeship')),
  -- For an apprenticeship mentorship: the training company.
  employer_id    uuid REFERENCES organisations (id),
  starts_on      date NOT NULL,
  goals          text NOT NULL DEFAULT '',
  ends_on        date,
  end_reason     text CHECK (end_reason IN ('goals_reached', 'placed', 'participant_left', 'mentor_left', 'no_contact', 'other')),
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1,
  CHECK ((ends_on IS NULL) = (end_reason IS NULL)),
  CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CHECK ((kind = 'apprenticeship') = (employer_id IS NOT NULL))
);
-- One running mentorship per volunteer and person.
CREATE UNIQUE INDEX mentorships_running_idx ON mentorships (volunteer_id, participant_id) WHERE ends_on IS NULL;
-- Serves a participant's mentorships and the free capacity of a volunteer.
CREATE INDEX mentorships_participant_idx ON mentorships (participant_id);
CREATE INDEX mentorships_volunteer_idx ON mentorships (volunteer_id, ends_on);
-- Serves the staff's list of an office's mentorships, newest first.
CREATE INDEX mentorships_office_idx ON mentorships (network_id, office_id, starts_on DESC);

-- Meetings of a mentorship: planned (an agreed appointment), held (with hours) or cancelled.
CREATE TABLE mentorship_meetings (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id    uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  mentorship_id uuid NOT NULL REFERENCES mentorships (id) ON DELETE CASCADE,
  meets_on      date NOT NULL,
  starts_at     time,
  place         text,
  status        text NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
  hours         numeric(4, 2) CHECK (hours > 0 AND hours <= 24),
  note          text NOT NULL DEFAULT '',
  recorded_by   uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1,
  CHECK (status <> 'held' OR hours IS NOT NULL)
);
-- Serves a mentorship's meetings log by date, and the hours per volunteer and period.
CREATE INDEX mentorship_meetings_mentorship_idx ON mentorship_meetings (mentorship_id, meets_on);
CREATE INDEX mentorship_meetings_network_day_idx ON mentorship_meetings (network_id, meets_on);
