-- Name search over 100,000 participants (decision 0014).

-- The words of the folded name as a text-search vector ('simple': no stemming, no stop
-- words; the folded name holds only a-z and spaces, so its lexemes are its words).
-- Serves participants.queries.ts, nameStages(), stage 1 of the list's name search:
--   every query word as a whole word:  to_tsvector('simple', name_folded) @@ 'mariam & haddad'
--   the last one as a word prefix:     ... @@ 'mariam & hadd:* & !hadd'
-- each a posting list per word, where the trigram index intersects the long lists of
-- trigrams like "  a" and " am".
CREATE INDEX participants_name_words_idx ON participants USING gin (to_tsvector('simple', name_folded))
  WITH (gin_pending_list_limit = 128);

-- A GIN index collects new entries in a pending list that every scan reads in full until
-- VACUUM (or the list's limit, 4 MB by default) merges them into the index. After an import
-- that cost each search 20–70 ms per index; at 128 kB a scan reads at most 16 pages. (A test
-- insert of 100,000 names into these indexes took 1.6 s instead of 1.3 s; with no pending
-- list at all, fastupdate = off, 11 s.)
-- participants_name_codes_idx serves stage 1's phonetic group (name_codes @> '{MHMT,HSN}')
-- and the duplicate finder; participants_name_trgm_idx serves stage 2, the typo fallback
-- (name_folded % 'shewtshenko', name_folded %>> 'kowalenko').
ALTER INDEX participants_name_codes_idx SET (gin_pending_list_limit = 128);
ALTER INDEX participants_name_trgm_idx SET (gin_pending_list_limit = 128);
SELECT gin_clean_pending_list('participants_name_codes_idx'::regclass),
  gin_clean_pending_list('participants_name_trgm_idx'::regclass);
