-- The participant list filters and sorts by the current case and residence document.
-- Joining cases and documents for 100,000 people on every page was too slow, so the
-- list columns live on participants, kept by triggers: whatever writes cases or
-- documents (a form, the import, a merge), the list stays right, in the same transaction.

ALTER TABLE participants
  ADD COLUMN case_status           text,
  ADD COLUMN case_entry_date       date,
  ADD COLUMN case_manager_id       uuid REFERENCES users (id),
  ADD COLUMN case_city_id          uuid REFERENCES cities (id),
  ADD COLUMN residence_title       text,
  ADD COLUMN residence_valid_until date;

-- Points the given participants at their latest case and residence document and copies
-- what the list shows from them.
CREATE FUNCTION lotse_refresh_participant_list(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE participants p SET
    current_case_id = lc.id, case_status = lc.status, case_entry_date = lc.entry_date,
    case_manager_id = lc.case_manager_id, case_city_id = lc.city_id,
    current_residence_id = lr.id, residence_title = lr.title, residence_valid_until = lr.valid_until
  FROM unnest(ids) AS t(pid)
  LEFT JOIN LATERAL (
    SELECT c.id, c.status, c.entry_date, c.case_manager_id, c.city_id FROM cases c
    WHERE c.participant_id = t.pid ORDER BY c.created_at DESC, c.id DESC LIMIT 1) lc ON true
  LEFT JOIN LATERAL (
    SELECT r.id, r.title, r.valid_until FROM residence_statuses r
    WHERE r.participant_id = t.pid ORDER BY r.valid_from DESC NULLS LAST, r.created_at DESC, r.id DESC LIMIT 1) lr ON true
  WHERE p.id = t.pid
    -- Rows already right are not rewritten: every rewrite updates all of participants' indexes.
    AND (p.current_case_id, p.case_status, p.case_entry_date, p.case_manager_id, p.case_city_id,
         p.current_residence_id, p.residence_title, p.residence_valid_until)
        IS DISTINCT FROM (lc.id, lc.status, lc.entry_date, lc.case_manager_id, lc.city_id, lr.id, lr.title, lr.valid_until);
$$;

-- A bulk insert (the import) writes participants with their list columns before their cases
-- exist; the reference to the case is checked at commit.
ALTER TABLE participants ALTER CONSTRAINT participants_current_case_id_fkey DEFERRABLE INITIALLY DEFERRED;

-- Statement-level triggers with transition tables: an import of 100,000 cases refreshes
-- the list once, not 100,000 times. One trigger per event, as transition tables require.
CREATE FUNCTION lotse_list_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lotse_refresh_participant_list(ARRAY(SELECT DISTINCT participant_id FROM new_rows));
  RETURN NULL;
END $$;
CREATE FUNCTION lotse_list_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lotse_refresh_participant_list(ARRAY(
    SELECT participant_id FROM new_rows UNION SELECT participant_id FROM old_rows));
  RETURN NULL;
END $$;
CREATE FUNCTION lotse_list_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lotse_refresh_participant_list(ARRAY(SELECT DISTINCT participant_id FROM old_rows));
  RETURN NULL;
END $$;

CREATE TRIGGER cases_list_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_list_after_insert();
CREATE TRIGGER cases_list_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_list_after_update();
CREATE TRIGGER cases_list_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_list_after_delete();
CREATE TRIGGER residence_list_insert AFTER INSERT ON residence_statuses REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_list_after_insert();
CREATE TRIGGER residence_list_update AFTER UPDATE ON residence_statuses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_list_after_update();
CREATE TRIGGER residence_list_delete AFTER DELETE ON residence_statuses REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lotse_list_after_delete();

SELECT lotse_refresh_participant_list(ARRAY(SELECT id FROM participants));

-- Each serves one sort of the list within an office (merged-away records never show).
CREATE INDEX participants_list_name_idx ON participants (office_id, family_name, given_names, id) WHERE merged_into IS NULL;
CREATE INDEX participants_list_status_idx ON participants (office_id, case_status, family_name, id) WHERE merged_into IS NULL;
CREATE INDEX participants_list_entry_idx ON participants (office_id, case_entry_date DESC NULLS LAST, family_name, id) WHERE merged_into IS NULL;
CREATE INDEX participants_list_residence_idx ON participants (office_id, residence_valid_until, family_name, id) WHERE merged_into IS NULL;
DROP INDEX participants_office_name_idx;
