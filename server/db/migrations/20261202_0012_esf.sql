-- The situation on leaving (decision 0019): what a person did within four weeks of leaving
-- that the rest of the data model cannot tell — looking for work, in education or training,
-- a qualification gained. One record per left case, for the ESF+ immediate results
-- (EECR01, EECR02, EECR03). No record: not recorded, counted as "no".
CREATE TABLE leaving_situations (
  case_id                   uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  network_id                uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  job_searching             boolean NOT NULL,
  in_education_or_training  boolean NOT NULL,
  qualification_gained      boolean NOT NULL,
  recorded_by               uuid REFERENCES users (id),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  version                   integer NOT NULL DEFAULT 1
);

-- Serve the ESF+ report (server/modules/reports/esf.queries.ts): the cases of a network that
-- entered in a period (entrants), that were left in a period (leavers), and a person's other
-- cases by entry date (is this their first entry, their latest case?). The network's cases by
-- entry date (cases_network_entry_idx) come with migration 0011, which the dashboard needs too.
CREATE INDEX cases_network_exit_idx ON cases (network_id, exit_date) WHERE exit_date IS NOT NULL;
CREATE INDEX cases_participant_entry_idx ON cases (participant_id, entry_date);
