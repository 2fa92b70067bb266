-- Jobs and placements (Startzeit): employers with their contact persons and a log of
-- contacts, vacancies, the participant's job profile for matching, proposals to
-- employers with their stages, placements and the follow-ups 28 days and six months
-- after the start.

-- Employers are organisations of kind employer; these columns are theirs (null elsewhere).
ALTER TABLE organisations
  ADD COLUMN sector          text,
  ADD COLUMN size            text CHECK (size IN ('micro', 'small', 'medium', 'large')),
  ADD COLUMN postcode        text CHECK (postcode ~ '^[0-9]{5}$'),
  -- Notes of the network's staff; never shown to the employer's own contacts.
  ADD COLUMN notes           text,
  -- [{ name, position, phone, email }], edited as a whole with the organisation's version.
  ADD COLUMN contact_persons jsonb NOT NULL DEFAULT '[]'::jsonb;

-- What the network's staff did to win or keep an employer: calls, visits, events.
CREATE TABLE employer_contacts (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id    uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  employer_id   uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('call', 'visit', 'event', 'email', 'other')),
  contacted_on  date NOT NULL,
  note          text NOT NULL DEFAULT '',
  recorded_by   uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
-- Serves an employer's contact log, newest first.
CREATE INDEX employer_contacts_employer_idx ON employer_contacts (employer_id, contacted_on DESC);

CREATE TABLE vacancies (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id         uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  employer_id        uuid NOT NULL REFERENCES organisations (id),
  kind               text NOT NULL CHECK (kind IN ('job', 'apprenticeship', 'internship')),
  title              text NOT NULL,
  -- The occupation (for an apprenticeship: the recognised training occupation).
  occupation         text,
  description        text NOT NULL DEFAULT '',
  required_skill_ids uuid[] NOT NULL DEFAULT '{}',
  german_level       text CHECK (german_level IN ('none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  driving_licence    boolean NOT NULL DEFAULT false,
  shift_work         boolean NOT NULL DEFAULT false,
  weekend_work       boolean NOT NULL DEFAULT false,
  physical_demands   text NOT NULL DEFAULT 'light' CHECK (physical_demands IN ('light', 'moderate', 'heavy')),
  postcode           text CHECK (postcode ~ '^[0-9]{5}$'),
  town               text,
  hours_per_week     real CHECK (hours_per_week > 0 AND hours_per_week <= 60),
  starts_on          date,
  places             integer NOT NULL DEFAULT 1 CHECK (places BETWEEN 1 AND 500),
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'withdrawn')),
  created_by         uuid REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1
);
-- Serves matching (every open vacancy of a network) and the vacancy list by status.
CREATE INDEX vacancies_network_status_idx ON vacancies (network_id, status, created_at DESC);
-- Serves an employer's own list.
CREATE INDEX vacancies_employer_idx ON vacancies (employer_id, status);

-- What matching needs to know of a participant beyond the intake: how they get to work
-- and how much they can work. One per participant.
CREATE TABLE job_profiles (
  participant_id     uuid PRIMARY KEY REFERENCES participants (id) ON DELETE CASCADE,
  network_id         uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  reachability       text CHECK (reachability IN ('car', 'public_transport', 'bike')),
  max_hours_per_week real CHECK (max_hours_per_week > 0 AND max_hours_per_week <= 60),
  available_from     date,
  shift_work         boolean,
  weekend_work       boolean,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1
);

-- A proposal (Vermittlungsvorschlag) of a candidate for a vacancy. The employer sees the
-- candidate only through it, and only the categories a valid consent to that employer covers.
CREATE TABLE proposals (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id      uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  vacancy_id      uuid NOT NULL REFERENCES vacancies (id),
  employer_id     uuid NOT NULL REFERENCES organisations (id),
  participant_id  uuid NOT NULL REFERENCES participants (id),
  -- The office responsible for the participant when proposed (scopes the office's lists).
  office_id       uuid NOT NULL REFERENCES organisations (id),
  -- Set when a partner's caseworker proposed from a live referral.
  referral_id     uuid REFERENCES referrals (id),
  stage           text NOT NULL DEFAULT 'proposed'
                    CHECK (stage IN ('proposed', 'applied', 'interview', 'trial_work', 'hired', 'rejected', 'withdrawn')),
  stage_on        date NOT NULL,
  note            text,
  -- The flags matching raised when proposed (e.g. permission_required), for the board.
  flags           text[] NOT NULL DEFAULT '{}',
  proposed_by     uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);
-- One running proposal per candidate and vacancy; a rejected or withdrawn one may be made again.
CREATE UNIQUE INDEX proposals_one_running ON proposals (vacancy_id, participant_id) WHERE stage NOT IN ('rejected', 'withdrawn');
-- Serve the employer's board, the office's board and the participant's proposals.
CREATE INDEX proposals_employer_idx ON proposals (employer_id, stage);
CREATE INDEX proposals_office_idx ON proposals (network_id, office_id, stage);
CREATE INDEX proposals_participant_idx ON proposals (participant_id);

-- Every stage a proposal went through, with its date and who moved it.
CREATE TABLE proposal_stages (
  id            bigserial PRIMARY KEY,
  network_id    uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  proposal_id   uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
  stage         text NOT NULL,
  stage_on      date NOT NULL,
  note          text,
  moved_by      uuid REFERENCES users (id),
  moved_by_role text,
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX proposal_stages_proposal_idx ON proposal_stages (proposal_id, id);

-- A placement (Vermittlung) into work or apprenticeship. It ends the case as placed.
CREATE TABLE placements (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id           uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  participant_id       uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  case_id              uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  office_id            uuid NOT NULL REFERENCES organisations (id),
  proposal_id          uuid REFERENCES proposals (id),
  kind                 text NOT NULL CHECK (kind IN ('employment', 'apprenticeship', 'marginal_employment', 'self_employment')),
  first_labour_market  boolean NOT NULL,
  -- The employer in the network, or the name of one outside it (or neither, self-employed).
  employer_id          uuid REFERENCES organisations (id),
  employer_name        text,
  starts_on            date NOT NULL,
  hours_per_week       real CHECK (hours_per_week > 0 AND hours_per_week <= 60),
  occupation           text NOT NULL,
  -- Whether recording it ended the case as placed.
  closed_case          boolean NOT NULL DEFAULT false,
  recorded_by          uuid REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1
);
CREATE INDEX placements_participant_idx ON placements (participant_id);
-- Serves the figures: placements of a network by start date.
CREATE INDEX placements_network_start_idx ON placements (network_id, starts_on);

-- Is the person still employed 28 days and six months after the start?
CREATE TABLE placement_follow_ups (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id      uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  placement_id    uuid NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
  kind            text NOT NULL CHECK (kind IN ('day_28', 'month_6')),
  due_on          date NOT NULL,
  checked_on      date,
  still_employed  boolean,
  note            text,
  recorded_by     uuid REFERENCES users (id),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  UNIQUE (placement_id, kind),
  CHECK ((checked_on IS NULL) = (still_employed IS NULL))
);
-- Serves the due follow-ups (the week, reminders): open ones by due date.
CREATE INDEX placement_follow_ups_due_idx ON placement_follow_ups (network_id, due_on) WHERE checked_on IS NULL;

-- Application coaching is recorded as plan steps; a work permission to request from the
-- foreigners' office becomes a step too. Existing networks get the two new step types.
INSERT INTO step_types (network_id, key, labels)
SELECT id, 'cover_letter', '{"de":"Anschreiben","en":"Cover letter","ar":"رسالة التقديم","fa":"نامه درخواست","uk":"Супровідний лист"}'::jsonb
FROM networks ON CONFLICT (network_id, key) DO NOTHING;
INSERT INTO step_types (network_id, key, labels)
SELECT id, 'work_permission', '{"de":"Beschäftigungserlaubnis bei der Ausländerbehörde beantragen","en":"Request work permission from the foreigners'' office","ar":"طلب تصريح العمل من دائرة الأجانب","fa":"درخواست اجازه کار از اداره اتباع خارجی","uk":"Подати заяву на дозвіл на роботу до відомства у справах іноземців"}'::jsonb
FROM networks ON CONFLICT (network_id, key) DO NOTHING;

-- Matching ranks every open vacancy of a network on each request; each app process keeps
-- their scoring facts in memory and reloads them when this counter has moved. Triggers
-- move it on every write to vacancies, whoever writes, in the writer's transaction.
ALTER TABLE networks ADD COLUMN vacancies_changed bigint NOT NULL DEFAULT 0;
CREATE FUNCTION lotse_vacancies_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE networks SET vacancies_changed = vacancies_changed + 1
  WHERE id IN (SELECT network_id FROM changed_rows);
  RETURN NULL;
END $$;
CREATE TRIGGER vacancies_changed_insert AFTER INSERT ON vacancies REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_vacancies_changed();
CREATE TRIGGER vacancies_changed_update AFTER UPDATE ON vacancies REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_vacancies_changed();
CREATE TRIGGER vacancies_changed_delete AFTER DELETE ON vacancies REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_vacancies_changed();
