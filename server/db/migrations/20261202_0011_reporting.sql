-- Reporting (decision 0018): the savings estimate's settings per network, and the index the
-- programme dashboard reads cases through.

-- What a placement saves the city's budget, as the network estimates it. Amounts in whole
-- euros per month. No row: the defaults in server/modules/reports/savings.ts (assumptions).
CREATE TABLE report_settings (
  network_id                    uuid PRIMARY KEY REFERENCES networks (id) ON DELETE CASCADE,
  months_without_benefits       integer NOT NULL CHECK (months_without_benefits BETWEEN 1 AND 120),
  monthly_amount_per_person     integer NOT NULL CHECK (monthly_amount_per_person BETWEEN 0 AND 100000),
  monthly_amount_per_household  integer NOT NULL CHECK (monthly_amount_per_household BETWEEN 0 AND 100000),
  updated_by                    uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at                    timestamptz NOT NULL DEFAULT now(),
  version                       integer NOT NULL DEFAULT 1
);

-- Serves programme.queries.ts, the dashboard's first step: the cases of one network open in a
-- period (network_id = $1 AND entry_date <= $to, then exit_date checked on the rows found).
CREATE INDEX cases_network_entry_idx ON cases (network_id, entry_date);
