-- Apprenticeship support (Wegbereiter): a support agreement with the company that trains a
-- participant placed into an apprenticeship, the support needs and who helps with each,
-- regular check-ins with the signals they record, and the company's requests for help.
-- The risk level is not stored: it is derived from the signals and the current residence
-- document on every read (decision 0017), so it can never go stale.

CREATE TABLE apprenticeships (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id              uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  -- One agreement per placement, and only for a placement of kind apprenticeship (checked by the service).
  placement_id            uuid NOT NULL UNIQUE REFERENCES placements (id) ON DELETE CASCADE,
  participant_id          uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  -- The office responsible for the participant when agreed (scopes the office's lists).
  office_id               uuid NOT NULL REFERENCES organisations (id),
  employer_id             uuid NOT NULL REFERENCES organisations (id),
  -- The company's contact: one of its employer-contact users, or a contact person by name.
  company_contact_user_id uuid REFERENCES users (id),
  company_contact_name    text,
  vocational_school       text NOT NULL,
  occupation              text NOT NULL,
  starts_on               date NOT NULL,
  planned_end_on          date NOT NULL CHECK (planned_end_on > starts_on),
  status                  text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'dropped_out')),
  ended_on                date,
  end_reason              text,
  -- The next check-in, set by the latest check-in (or on agreement): what reminders and worklists ask.
  next_check_in_on        date,
  created_by              uuid REFERENCES users (id),
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  version                 integer NOT NULL DEFAULT 1,
  CHECK ((status = 'active') = (ended_on IS NULL)),
  CHECK (status <> 'dropped_out' OR end_reason IS NOT NULL)
);
-- Serves the office's list of apprenticeships (at risk, due check-ins).
CREATE INDEX apprenticeships_office_idx ON apprenticeships (network_id, office_id, status);
-- Serves the employer's list of their apprentices.
CREATE INDEX apprenticeships_employer_idx ON apprenticeships (employer_id, status);
CREATE INDEX apprenticeships_participant_idx ON apprenticeships (participant_id);

-- What the apprentice needs help with, and who helps: a staff member or a mentor (a user),
-- or the company itself. Replaced as a whole with the agreement's version.
CREATE TABLE apprenticeship_needs (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id       uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  apprenticeship_id uuid NOT NULL REFERENCES apprenticeships (id) ON DELETE CASCADE,
  position         integer NOT NULL,
  area             text NOT NULL CHECK (area IN ('vocational_school', 'exam_preparation', 'german_for_work', 'authorities', 'housing', 'finances')),
  helper_kind      text NOT NULL CHECK (helper_kind IN ('staff', 'mentor', 'company')),
  helper_user_id   uuid REFERENCES users (id),
  note             text,
  CHECK ((helper_kind = 'company') = (helper_user_id IS NULL))
);
CREATE INDEX apprenticeship_needs_agreement_idx ON apprenticeship_needs (apprenticeship_id, position);

-- A check-in with the apprentice, the company or both: notes (the staff's own) and signals.
CREATE TABLE apprenticeship_check_ins (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id        uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  apprenticeship_id uuid NOT NULL REFERENCES apprenticeships (id) ON DELETE CASCADE,
  held_on           date NOT NULL,
  held_with         text NOT NULL CHECK (held_with IN ('apprentice', 'company', 'both')),
  notes             text,
  signals           text[] NOT NULL DEFAULT '{}'
                      CHECK (signals <@ ARRAY['missed_school_days', 'poor_grades', 'conflict_at_work', 'residence_expiring', 'money_trouble']::text[]),
  next_check_in_on  date,
  recorded_by       uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now()
);
-- Serves an agreement's check-ins, newest first (the risk rule reads the latest two).
CREATE INDEX apprenticeship_check_ins_agreement_idx ON apprenticeship_check_ins (apprenticeship_id, held_on DESC, created_at DESC);

-- The company asks the network's staff for help; the staff mark it handled.
CREATE TABLE apprenticeship_help_requests (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id        uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  apprenticeship_id uuid NOT NULL REFERENCES apprenticeships (id) ON DELETE CASCADE,
  text              text NOT NULL,
  asked_by          uuid REFERENCES users (id),
  asked_at          timestamptz NOT NULL DEFAULT now(),
  handled_at        timestamptz,
  handled_by        uuid REFERENCES users (id),
  version           integer NOT NULL DEFAULT 1
);
-- Serves the staff's list of open requests.
CREATE INDEX apprenticeship_help_requests_open_idx ON apprenticeship_help_requests (network_id, asked_at) WHERE handled_at IS NULL;
CREATE INDEX apprenticeship_help_requests_agreement_idx ON apprenticeship_help_requests (apprenticeship_id, asked_at DESC);
