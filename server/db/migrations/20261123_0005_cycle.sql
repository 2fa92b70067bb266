-- The six-month cycle (steps 3 to 7 of DESIGN.md): support plan versions with goals and
-- steps, referrals to partners with the tasks of the transmission form, exchange
-- appointments and the case conference, calendar feeds, and reminders.

-- The network's cycle rule: how long a referral runs, when exchange appointments fall
-- (months after the start) and how long before the end the case conference is held.
ALTER TABLE networks
  ADD COLUMN cycle_months            integer   NOT NULL DEFAULT 6 CHECK (cycle_months BETWEEN 1 AND 24),
  ADD COLUMN exchange_after_months   integer[] NOT NULL DEFAULT '{2,4}',
  ADD COLUMN conference_weeks_before integer   NOT NULL DEFAULT 4 CHECK (conference_weeks_before BETWEEN 1 AND 12);

-- The catalogue of step types, with labels in the languages plans print in.
CREATE TABLE step_types (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id  uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  key         text NOT NULL,
  labels      jsonb NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (network_id, key)
);

-- A support plan version. One case has at most one draft and one current version;
-- superseded versions stay readable.
CREATE TABLE plan_versions (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id           uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  participant_id       uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  case_id              uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  number               integer NOT NULL CHECK (number > 0),
  state                text NOT NULL CHECK (state IN ('draft', 'current', 'superseded')),
  discussed_on         date,
  attendees            text,
  finalised_by         uuid REFERENCES users (id),
  finalised_at         timestamptz,
  conference_id        uuid,
  created_by           uuid REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1,
  UNIQUE (case_id, number),
  CHECK (state = 'draft' OR discussed_on IS NOT NULL)
);
CREATE UNIQUE INDEX plan_versions_one_draft ON plan_versions (case_id) WHERE state = 'draft';
CREATE UNIQUE INDEX plan_versions_one_current ON plan_versions (case_id) WHERE state = 'current';
CREATE INDEX plan_versions_participant_idx ON plan_versions (participant_id);

-- Goals and steps belong to one version. lineage_id is the same for a goal or step in
-- every version it appears in: the diff between versions pairs them by it.
CREATE TABLE plan_goals (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id       uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  plan_version_id  uuid NOT NULL REFERENCES plan_versions (id) ON DELETE CASCADE,
  lineage_id       uuid NOT NULL,
  position         integer NOT NULL,
  title            text NOT NULL,
  UNIQUE (plan_version_id, lineage_id)
);

CREATE TABLE plan_steps (
  id                           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id                   uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  plan_version_id              uuid NOT NULL REFERENCES plan_versions (id) ON DELETE CASCADE,
  goal_id                      uuid NOT NULL REFERENCES plan_goals (id) ON DELETE CASCADE,
  lineage_id                   uuid NOT NULL,
  position                     integer NOT NULL,
  step_type_id                 uuid NOT NULL REFERENCES step_types (id),
  text                         text NOT NULL DEFAULT '',
  responsible_organisation_id  uuid NOT NULL REFERENCES organisations (id),
  due_on                       date,
  status                       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
  status_note                  text,
  updated_at                   timestamptz NOT NULL DEFAULT now(),
  version                      integer NOT NULL DEFAULT 1,
  UNIQUE (plan_version_id, lineage_id)
);
CREATE INDEX plan_steps_due_idx ON plan_steps (network_id, due_on) WHERE status IN ('open', 'in_progress');

-- A referral (Überleitung) to a partner for one cycle; its tasks are the transmission form's.
CREATE TABLE referrals (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id               uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  participant_id           uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  case_id                  uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  partner_organisation_id  uuid NOT NULL REFERENCES organisations (id),
  state                    text NOT NULL CHECK (state IN ('draft', 'sent', 'accepted', 'declined', 'revoked', 'completed')),
  starts_on                date NOT NULL,
  ends_on                  date NOT NULL CHECK (ends_on > starts_on),
  -- The data categories the form shares, and the consent it rests on (or the reason
  -- for sending without one).
  categories               text[] NOT NULL,
  consent_id               uuid REFERENCES consents (id),
  override_reason          text,
  contact_name             text NOT NULL,
  contact_phone            text,
  contact_email            text,
  message                  text,
  previous_referral_id     uuid REFERENCES referrals (id),
  created_by               uuid REFERENCES users (id),
  sent_at                  timestamptz,
  sent_by                  uuid REFERENCES users (id),
  answered_at              timestamptz,
  answered_by              uuid REFERENCES users (id),
  caseworker_id            uuid REFERENCES users (id),
  decline_reason           text,
  revoked_at               timestamptz,
  revoked_by               uuid REFERENCES users (id),
  revoke_reason            text,
  completed_at             timestamptz,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  version                  integer NOT NULL DEFAULT 1
);
CREATE INDEX referrals_participant_idx ON referrals (participant_id);
CREATE INDEX referrals_partner_idx ON referrals (partner_organisation_id, state);

CREATE TABLE referral_tasks (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id            uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  referral_id           uuid NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  -- The plan step the task was taken from (by lineage: the step of the current version).
  step_lineage_id       uuid,
  position              integer NOT NULL,
  step_type_id          uuid NOT NULL REFERENCES step_types (id),
  text                  text NOT NULL DEFAULT '',
  due_on                date,
  status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
  progress_note         text,
  updated_by            uuid REFERENCES users (id),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1
);
CREATE INDEX referral_tasks_referral_idx ON referral_tasks (referral_id);

CREATE TABLE referral_notes (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id              uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  referral_id             uuid NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  author_id               uuid REFERENCES users (id),
  text                    text NOT NULL,
  created_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_notes_referral_idx ON referral_notes (referral_id, created_at);

-- Exchange appointments and the case conference of a referral's cycle. A conference
-- records a decision per task and the outcome when it is closed.
CREATE TABLE appointments (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id        uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  participant_id    uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  referral_id       uuid NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  kind              text NOT NULL CHECK (kind IN ('exchange', 'case_conference')),
  starts_at         timestamptz NOT NULL,
  duration_minutes  integer NOT NULL DEFAULT 60 CHECK (duration_minutes BETWEEN 5 AND 600),
  location          text,
  state             text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'held', 'cancelled')),
  minutes           text,
  decisions         jsonb NOT NULL DEFAULT '[]'::jsonb,
  next_steps        text,
  outcome           text CHECK (outcome IN ('next_cycle', 'close_case')),
  closed_at         timestamptz,
  closed_by         uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL DEFAULT 1
);
CREATE INDEX appointments_referral_idx ON appointments (referral_id);
CREATE INDEX appointments_starts_idx ON appointments (network_id, starts_at) WHERE state = 'planned';

ALTER TABLE plan_versions ADD CONSTRAINT plan_versions_conference_fk FOREIGN KEY (conference_id) REFERENCES appointments (id);

-- A personal calendar feed: the token is in the URL, only its hash is stored.
CREATE TABLE calendar_feeds (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id  uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
CREATE INDEX calendar_feeds_user_idx ON calendar_feeds (user_id);

-- Reminders: shown in the app, and mailed once. dedupe_key makes creating them
-- idempotent; email_status is claimed with FOR UPDATE SKIP LOCKED so that several app
-- processes never send one twice.
CREATE TABLE notifications (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id        uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  user_id           uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind              text NOT NULL,
  entity_type       text NOT NULL,
  entity_id         uuid,
  due_on            date,
  data              jsonb NOT NULL DEFAULT '{}'::jsonb,
  dedupe_key        text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  read_at           timestamptz,
  email_status      text NOT NULL DEFAULT 'pending' CHECK (email_status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
  email_claimed_at  timestamptz,
  email_sent_at     timestamptz,
  email_attempts    integer NOT NULL DEFAULT 0,
  email_error       text,
  UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_email_idx ON notifications (created_at) WHERE email_status IN ('pending', 'sending');
