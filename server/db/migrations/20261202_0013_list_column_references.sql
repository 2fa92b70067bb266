-- The list columns on participants (decision 0010) are copies of the current case's case
-- manager and city, written only by lotse_refresh_participant_list from a case row whose own
-- references are checked. Checking the copies again cost an import of 100,000 people 1.5 s
-- (two lookups a row) and every refresh the same, for no row that could be wrong.
ALTER TABLE participants
  DROP CONSTRAINT participants_case_manager_id_fkey,
  DROP CONSTRAINT participants_case_city_id_fkey;
