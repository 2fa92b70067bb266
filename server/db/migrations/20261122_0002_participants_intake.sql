-- Participants and intake (steps 1 and 2 of the cycle): the person record, the case
-- with its funding period, intake sections, employability check, residence status
-- history, consent, the case timeline, and name keys for finding duplicates.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- Folds the spellings one name gets in Latin letters (German and English
-- transliterations of Arabic, Farsi, Tigrinya, Ukrainian) to one form:
-- lower case, no diacritics, Al-/El-/Abu/Bin particles dropped, German "sch/ch/dsch"
-- read as "sh/kh/j", "ou/oo" as "u". Kept in SQL so that stored keys and searches agree.
CREATE FUNCTION lotse_fold_name(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT trim(regexp_replace(
    regexp_replace(
      regexp_replace(
        regexp_replace(
          regexp_replace(
            regexp_replace(
              translate(lower(name), 'äáàâãåāöóòôõøōüúùûūéèêëēíìîïīçćčşśšğñńýÿžźżıłß''’`´-',
                                     'aaaaaaaooooooouuuuueeeeeiiiiicccsssgnnyyzzzilsdddd '),
              '\m(al|el|ul|abu|abou|bin|ben|ibn|bint)\s+', '', 'g'),
            'dsch|dj', 'j', 'g'),
          'sch', 'sh', 'g'),
        '\mch', 'kh', 'g'),
      'ou|oo', 'u', 'g'),
    '[^a-z ]+|\s+', ' ', 'g'));
$$;

-- The phonetic codes (Double Metaphone) of every part of a name, sorted: the same
-- set whatever the order of given and family names.
CREATE FUNCTION lotse_name_codes(name text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT coalesce(array_agg(DISTINCT dmetaphone(part) ORDER BY dmetaphone(part)), '{}')
  FROM regexp_split_to_table(lotse_fold_name(name), '\s+') AS part
  WHERE length(part) > 1;
$$;

CREATE TABLE funding_periods (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id  uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  name        text NOT NULL,
  starts_on   date NOT NULL,
  ends_on     date NOT NULL CHECK (ends_on >= starts_on),
  created_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1,
  UNIQUE (network_id, name)
);

ALTER TABLE participants
  ADD COLUMN preferred_name       text,
  ADD COLUMN nationality          text,
  ADD COLUMN languages            jsonb NOT NULL DEFAULT '[]'::jsonb,
  ADD COLUMN german_level         text CHECK (german_level IN ('none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  ADD COLUMN phone                text,
  ADD COLUMN email                text,
  ADD COLUMN street               text,
  ADD COLUMN postcode             text,
  ADD COLUMN town                 text,
  ADD COLUMN housing              text,
  ADD COLUMN family_status        text,
  ADD COLUMN children_count       integer CHECK (children_count BETWEEN 0 AND 30),
  ADD COLUMN childcare_needed     boolean,
  ADD COLUMN interpreter_needed   boolean NOT NULL DEFAULT false,
  ADD COLUMN interpreter_language text,
  ADD COLUMN created_by           uuid REFERENCES users (id),
  -- A merged-away duplicate keeps its row, pointing at the record it was merged into.
  ADD COLUMN merged_into          uuid REFERENCES participants (id),
  ADD COLUMN merged_at            timestamptz,
  ADD COLUMN name_folded          text GENERATED ALWAYS AS (
    lotse_fold_name(given_names || ' ' || family_name || ' ' || coalesce(preferred_name, ''))) STORED,
  ADD COLUMN name_codes           text[] GENERATED ALWAYS AS (
    lotse_name_codes(given_names || ' ' || family_name || ' ' || coalesce(preferred_name, ''))) STORED;

-- Serves fuzzy name search (trigram similarity on the folded name).
CREATE INDEX participants_name_trgm_idx ON participants USING gin (name_folded gin_trgm_ops);
-- Serves the duplicate finder: same phonetic name parts.
CREATE INDEX participants_name_codes_idx ON participants USING gin (name_codes);
-- Serves the duplicate finder's birth date match within a network.
CREATE INDEX participants_birth_date_idx ON participants (network_id, birth_date);

ALTER TABLE cases
  ADD COLUMN office_id         uuid REFERENCES organisations (id),
  ADD COLUMN funding_period_id uuid REFERENCES funding_periods (id);
UPDATE cases SET office_id = p.office_id FROM participants p WHERE p.id = cases.participant_id;
ALTER TABLE cases ALTER COLUMN office_id SET NOT NULL;

-- The case and residence document that lists show, kept by the services in the same
-- transaction as the change, so that a list of 100,000 people needs no per-row lookups.
ALTER TABLE participants ADD COLUMN current_case_id uuid REFERENCES cases (id);
UPDATE participants p SET current_case_id = (
  SELECT c.id FROM cases c WHERE c.participant_id = p.id ORDER BY c.created_at DESC LIMIT 1);
-- Serves list filters on the current case: status and case manager within an office.
CREATE INDEX cases_office_status_idx ON cases (network_id, office_id, status);
CREATE INDEX cases_case_manager_idx ON cases (case_manager_id);

-- The skills catalogue, per network, extendable; ESCO codes where known.
CREATE TABLE skills (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id  uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  label_de    text NOT NULL,
  label_en    text NOT NULL,
  esco_uri    text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (network_id, label_de)
);

-- The intake (Erstgespräch): one per case, in sections saved one at a time.
CREATE TABLE intakes (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id      uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  participant_id  uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  case_id         uuid NOT NULL UNIQUE REFERENCES cases (id) ON DELETE CASCADE,
  conducted_on    date,
  -- One JSON document per section, each validated by its schema in intake.schemas.ts.
  sections        jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);

-- Employability check: special-category data (GDPR Art. 9). Its own table so that no
-- list query can reach it by accident.
CREATE TABLE employability_checks (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id      uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  participant_id  uuid NOT NULL UNIQUE REFERENCES participants (id) ON DELETE CASCADE,
  needed          boolean NOT NULL,
  result          text CHECK (result IN ('fit', 'fit_with_restrictions', 'not_fit_for_now')),
  restrictions    text,
  checked_on      date,
  review_on       date,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);

-- Residence status: a history of documents, newest valid_from last.
CREATE TABLE residence_statuses (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id      uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  participant_id  uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  title           text NOT NULL,
  paragraph       text,
  valid_from      date,
  valid_until     date CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from),
  work_clause     text NOT NULL CHECK (work_clause IN ('permitted', 'permission_required', 'not_permitted')),
  entry_date      date,
  note            text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);
CREATE INDEX residence_statuses_participant_idx ON residence_statuses (participant_id, valid_from);
ALTER TABLE participants ADD COLUMN current_residence_id uuid REFERENCES residence_statuses (id);
-- Serves the deadline list: documents expiring soon within a network.
CREATE INDEX residence_statuses_until_idx ON residence_statuses (network_id, valid_until);

-- Consent (Einwilligung / Schweigepflichtentbindung): per recipient organisation and
-- data category. The access policy asks these rows directly.
CREATE TABLE consents (
  id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id                 uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  participant_id             uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  recipient_organisation_id  uuid NOT NULL REFERENCES organisations (id),
  categories                 text[] NOT NULL CHECK (cardinality(categories) > 0),
  form_version               text NOT NULL,
  language                   text NOT NULL,
  given_on                   date NOT NULL,
  method                     text NOT NULL CHECK (method IN ('signed_form', 'verbal_with_interpreter', 'electronic')),
  expires_on                 date CHECK (expires_on IS NULL OR expires_on >= given_on),
  withdrawn_at               timestamptz,
  withdrawal_note            text,
  recorded_by                uuid REFERENCES users (id),
  created_at                 timestamptz NOT NULL DEFAULT now(),
  version                    integer NOT NULL DEFAULT 1
);
-- Serves "which consents cover this recipient for this participant" (policy checks).
CREATE INDEX consents_participant_recipient_idx ON consents (participant_id, recipient_organisation_id);

-- The case timeline: what happened, in order, in words a case manager reads.
CREATE TABLE case_events (
  id              bigserial PRIMARY KEY,
  network_id      uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  participant_id  uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  case_id         uuid REFERENCES cases (id) ON DELETE CASCADE,
  at              timestamptz NOT NULL DEFAULT now(),
  actor_user_id   uuid REFERENCES users (id),
  kind            text NOT NULL,
  -- Names of changed fields and ids, as in the audit log; never health data.
  data            jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX case_events_participant_idx ON case_events (participant_id, at);

-- Merges of duplicates, kept so that an admin can undo one.
CREATE TABLE participant_merges (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id      uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  kept_id         uuid NOT NULL REFERENCES participants (id),
  merged_id       uuid NOT NULL REFERENCES participants (id),
  -- The kept record's fields before the merge, and which rows moved to it.
  snapshot        jsonb NOT NULL,
  merged_by       uuid REFERENCES users (id),
  merged_at       timestamptz NOT NULL DEFAULT now(),
  undone_by       uuid REFERENCES users (id),
  undone_at       timestamptz
);

-- Pairs a case manager has looked at and found to be two different people.
CREATE TABLE duplicate_dismissals (
  network_id      uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  participant_a   uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  participant_b   uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  dismissed_by    uuid REFERENCES users (id),
  dismissed_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (participant_a, participant_b),
  CHECK (participant_a < participant_b)
);
