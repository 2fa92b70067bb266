-- Foundation: networks (tenants), cities, organisations, users and their roles,
-- sessions, login throttling, the audit log with its hash chain.
-- Every tenant table carries network_id; queries always filter on it.

CREATE TABLE networks (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1
);

CREATE TABLE cities (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id  uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1,
  UNIQUE (network_id, name)
);

CREATE TABLE organisations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id  uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('case_management_office', 'partner', 'employer', 'volunteer_group')),
  name        text NOT NULL,
  city_id     uuid REFERENCES cities (id),
  -- What a partner offers (job coaching, qualification, ...); free text for now.
  description text NOT NULL DEFAULT '',
  email       text,
  phone       text,
  address     text,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1,
  UNIQUE (network_id, name)
);
-- Serves the admin list: organisations of a network ordered by name.
CREATE INDEX organisations_network_name_idx ON organisations (network_id, name);

CREATE TABLE users (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id          uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  -- Login is by email alone, so an address belongs to one account in the whole installation.
  email               text NOT NULL CHECK (email = lower(email)),
  display_name        text NOT NULL,
  password_hash       text NOT NULL,
  locale              text NOT NULL DEFAULT 'de' CHECK (locale IN ('de', 'en', 'ar', 'fa')),
  status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1,
  UNIQUE (email)
);
-- Serves the admin list: users of a network ordered by name.
CREATE INDEX users_network_name_idx ON users (network_id, display_name);

-- A user's roles. Network-level roles (admin, analyst, data protection officer)
-- have no organisation; the others belong to one.
CREATE TABLE memberships (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id      uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organisation_id uuid REFERENCES organisations (id),
  role            text NOT NULL CHECK (role IN ('network_admin', 'case_manager', 'partner_caseworker',
                    'mentor', 'employer_contact', 'analyst', 'data_protection_officer')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (user_id, organisation_id, role)
);
-- Serves loading a user's roles at every authenticated request.
CREATE INDEX memberships_user_idx ON memberships (user_id);
CREATE INDEX memberships_organisation_idx ON memberships (organisation_id);

-- Server-side sessions. The id is the SHA-256 of the cookie's token, so a copy of
-- this table does not let anyone log in.
CREATE TABLE sessions (
  id            text PRIMARY KEY,
  network_id    uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed logins, counted per account and per client address for throttling.
-- Not tenant data: it exists before anyone is known to belong to a network.
CREATE TABLE login_failures (
  id           bigserial PRIMARY KEY,
  account_key  text NOT NULL,
  ip           text NOT NULL,
  at           timestamptz NOT NULL DEFAULT now()
);
-- Serve the two throttle counts: recent failures for an account, for an address.
CREATE INDEX login_failures_account_idx ON login_failures (account_key, at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip, at);

-- The audit log: append-only, one hash chain per network.
CREATE TABLE audit_events (
  id                    bigserial PRIMARY KEY,
  network_id            uuid NOT NULL REFERENCES networks (id),
  seq                   bigint NOT NULL,
  at                    timestamptz NOT NULL,
  request_id            text,
  actor_user_id         uuid,
  actor_role            text,
  actor_organisation_id uuid,
  action                text NOT NULL,
  entity_type           text NOT NULL,
  entity_id             text,
  -- Identifiers and names of changed fields only, never their sensitive values.
  details               jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash             text NOT NULL,
  hash                  text NOT NULL,
  UNIQUE (network_id, seq)
);
-- Serves the data protection officer's views: one entity's history, one actor's actions.
CREATE INDEX audit_events_entity_idx ON audit_events (network_id, entity_type, entity_id);
CREATE INDEX audit_events_actor_idx ON audit_events (network_id, actor_user_id, at);

-- The head of each network's chain. Updating it takes a row lock, which orders
-- concurrent audit writes of one network without blocking other networks.
CREATE TABLE audit_heads (
  network_id  uuid PRIMARY KEY REFERENCES networks (id),
  seq         bigint NOT NULL,
  hash        text NOT NULL
);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- Participants and their cases: the core a case manager works with. The intake
-- issue extends these tables; here they carry what lists and the demo need.
CREATE TABLE participants (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id    uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  -- The case management office responsible for this person.
  office_id     uuid NOT NULL REFERENCES organisations (id),
  given_names   text NOT NULL,
  family_name   text NOT NULL,
  birth_date    date,
  gender        text NOT NULL DEFAULT 'not_stated' CHECK (gender IN ('female', 'male', 'non_binary', 'not_stated')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1
);
-- Serves the case manager's list: an office's participants by name.
CREATE INDEX participants_office_name_idx ON participants (network_id, office_id, family_name, given_names);

CREATE TABLE cases (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id           uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  participant_id       uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  status               text NOT NULL CHECK (status IN ('invited', 'active', 'paused', 'placed', 'closed', 'dropped_out')),
  case_manager_id      uuid REFERENCES users (id),
  city_id              uuid NOT NULL REFERENCES cities (id),
  entry_date           date,
  exit_date            date,
  exit_reason          text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1
);
-- Serves "the latest case of a participant" in every participant list.
CREATE INDEX cases_participant_latest_idx ON cases (participant_id, created_at DESC);
