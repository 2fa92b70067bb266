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
