-- Imports of participant lists (CSV or XLSX, as offices keep them today). The file is
-- kept in the database so that any app process can preview and run it.

CREATE TABLE imports (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id     uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  office_id      uuid NOT NULL REFERENCES organisations (id),
  created_by     uuid NOT NULL REFERENCES users (id),
  file_name      text NOT NULL,
  file_type      text NOT NULL CHECK (file_type IN ('csv', 'xlsx')),
  content        bytea NOT NULL,
  row_count      integer NOT NULL,
  status         text NOT NULL DEFAULT 'uploaded' CHECK (status IN ('uploaded', 'imported')),
  imported_count integer,
  skipped_count  integer,
  created_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz
);
CREATE INDEX imports_network_idx ON imports (network_id, created_at);
