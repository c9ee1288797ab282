CREATE INDEX `criminal_case_suspect_idx` ON `criminal_case` (`suspect_id`);--> statement-breakpoint
-- The search index of the header's search box (cases.search, server/services/cases/search-cases.ts), written
-- by hand: drizzle-kit does not model virtual tables or triggers. FTS5 with the trigram tokenizer, so any
-- part of 3 characters or more matches (the middle of a parketnummer such as '200001' or '-26'), case-
-- and diacritic-insensitive ('ozturk' finds 'Öztürk'; remove_diacritics needs SQLite 3.45 or later).
-- Two indexes: case_search over everything searchable, case_search_name over the parketnummer and the
-- suspect's name only, so the cases a query names come first without walking every case of a police
-- unit or offence that also matches. Contentless (content=''): the text stays in criminal_case and
-- suspect, the indexes hold only trigrams; contentless_delete=1 lets the triggers delete rows.
-- rowid = criminal_case.id. Letters that are no letter plus a diacritic in Unicode, so that
-- remove_diacritics keeps them, are folded in the name as the query is (SEARCH_FOLDS in
-- shared/api/case-search-schemas.ts): 'walesa' finds 'Wałęsa', 'yildirim' 'Yıldırım', 'soren' 'Søren'.
CREATE VIRTUAL TABLE `case_search` USING fts5(`parketnummer`, `suspect_name`, `police_unit`, `offence`, tokenize = 'trigram remove_diacritics 1', content = '', contentless_delete = 1);
--> statement-breakpoint
CREATE VIRTUAL TABLE `case_search_name` USING fts5(`parketnummer`, `suspect_name`, tokenize = 'trigram remove_diacritics 1', content = '', contentless_delete = 1);
--> statement-breakpoint
INSERT INTO `case_search` (`rowid`, `parketnummer`, `suspect_name`, `police_unit`, `offence`)
  SELECT c.`id`, c.`parketnummer`, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(s.`full_name`, 'ł', 'l'), 'Ł', 'L'), 'ø', 'o'), 'Ø', 'O'), 'ı', 'i'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ß', 'ss'), 'æ', 'ae'), 'Æ', 'Ae'), 'œ', 'oe'), 'Œ', 'Oe'), 'þ', 'th'), 'Þ', 'Th'), c.`police_unit`, c.`offence_summary` FROM `criminal_case` c JOIN `suspect` s ON s.`id` = c.`suspect_id`;
--> statement-breakpoint
INSERT INTO `case_search_name` (`rowid`, `parketnummer`, `suspect_name`)
  SELECT c.`id`, c.`parketnummer`, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(s.`full_name`, 'ł', 'l'), 'Ł', 'L'), 'ø', 'o'), 'Ø', 'O'), 'ı', 'i'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ß', 'ss'), 'æ', 'ae'), 'Æ', 'Ae'), 'œ', 'oe'), 'Œ', 'Oe'), 'þ', 'th'), 'Þ', 'Th') FROM `criminal_case` c JOIN `suspect` s ON s.`id` = c.`suspect_id`;
--> statement-breakpoint
-- A bulk import (server/services/cases/search-index-bulk.ts) puts one row here inside its own write
-- transaction and indexes its new cases with one INSERT ... SELECT at the end of that transaction: FTS5
-- rows written by a trigger per case cost about four times as much (100,000 rows: 14.5 s instead of
-- 6.6 s). The row is deleted before the commit, so no other connection ever sees it.
CREATE TABLE `case_search_deferred` (`after_case_id` integer NOT NULL);
--> statement-breakpoint
-- Kept in step with the case and its suspect in the same transaction as every change. A table rebuild of
-- criminal_case or suspect drops these triggers: recreate them in that migration (as those of 0009/0012).
CREATE TRIGGER `case_search_ai` AFTER INSERT ON `criminal_case` WHEN NOT EXISTS (SELECT 1 FROM `case_search_deferred`) BEGIN
  INSERT INTO `case_search` (`rowid`, `parketnummer`, `suspect_name`, `police_unit`, `offence`)
    SELECT new.`id`, new.`parketnummer`, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(s.`full_name`, 'ł', 'l'), 'Ł', 'L'), 'ø', 'o'), 'Ø', 'O'), 'ı', 'i'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ß', 'ss'), 'æ', 'ae'), 'Æ', 'Ae'), 'œ', 'oe'), 'Œ', 'Oe'), 'þ', 'th'), 'Þ', 'Th'), new.`police_unit`, new.`offence_summary` FROM `suspect` s WHERE s.`id` = new.`suspect_id`;
  INSERT INTO `case_search_name` (`rowid`, `parketnummer`, `suspect_name`)
    SELECT new.`id`, new.`parketnummer`, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(s.`full_name`, 'ł', 'l'), 'Ł', 'L'), 'ø', 'o'), 'Ø', 'O'), 'ı', 'i'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ß', 'ss'), 'æ', 'ae'), 'Æ', 'Ae'), 'œ', 'oe'), 'Œ', 'Oe'), 'þ', 'th'), 'Þ', 'Th') FROM `suspect` s WHERE s.`id` = new.`suspect_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `case_search_au` AFTER UPDATE ON `criminal_case` WHEN new.`id` IS NOT old.`id` OR new.`parketnummer` IS NOT old.`parketnummer` OR new.`suspect_id` IS NOT old.`suspect_id` OR new.`police_unit` IS NOT old.`police_unit` OR new.`offence_summary` IS NOT old.`offence_summary` BEGIN
  DELETE FROM `case_search` WHERE `rowid` = old.`id`;
  DELETE FROM `case_search_name` WHERE `rowid` = old.`id`;
  INSERT INTO `case_search` (`rowid`, `parketnummer`, `suspect_name`, `police_unit`, `offence`)
    SELECT new.`id`, new.`parketnummer`, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(s.`full_name`, 'ł', 'l'), 'Ł', 'L'), 'ø', 'o'), 'Ø', 'O'), 'ı', 'i'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ß', 'ss'), 'æ', 'ae'), 'Æ', 'Ae'), 'œ', 'oe'), 'Œ', 'Oe'), 'þ', 'th'), 'Þ', 'Th'), new.`police_unit`, new.`offence_summary` FROM `suspect` s WHERE s.`id` = new.`suspect_id`;
  INSERT INTO `case_search_name` (`rowid`, `parketnummer`, `suspect_name`)
    SELECT new.`id`, new.`parketnummer`, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(s.`full_name`, 'ł', 'l'), 'Ł', 'L'), 'ø', 'o'), 'Ø', 'O'), 'ı', 'i'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ß', 'ss'), 'æ', 'ae'), 'Æ', 'Ae'), 'œ', 'oe'), 'Œ', 'Oe'), 'þ', 'th'), 'Þ', 'Th') FROM `suspect` s WHERE s.`id` = new.`suspect_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `case_search_ad` AFTER DELETE ON `criminal_case` BEGIN
  DELETE FROM `case_search` WHERE `rowid` = old.`id`;
  DELETE FROM `case_search_name` WHERE `rowid` = old.`id`;
END;
--> statement-breakpoint
-- A name corrected (cases.updateDetails) or pseudonymised (retention): every case of the suspect is
-- indexed again (criminal_case_suspect_idx finds them), so the removed name no longer matches.
CREATE TRIGGER `case_search_suspect_au` AFTER UPDATE ON `suspect` WHEN new.`full_name` IS NOT old.`full_name` OR new.`id` IS NOT old.`id` BEGIN
  DELETE FROM `case_search` WHERE `rowid` IN (SELECT c.`id` FROM `criminal_case` c WHERE c.`suspect_id` IN (old.`id`, new.`id`));
  DELETE FROM `case_search_name` WHERE `rowid` IN (SELECT c.`id` FROM `criminal_case` c WHERE c.`suspect_id` IN (old.`id`, new.`id`));
  INSERT INTO `case_search` (`rowid`, `parketnummer`, `suspect_name`, `police_unit`, `offence`)
    SELECT c.`id`, c.`parketnummer`, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.`full_name`, 'ł', 'l'), 'Ł', 'L'), 'ø', 'o'), 'Ø', 'O'), 'ı', 'i'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ß', 'ss'), 'æ', 'ae'), 'Æ', 'Ae'), 'œ', 'oe'), 'Œ', 'Oe'), 'þ', 'th'), 'Þ', 'Th'), c.`police_unit`, c.`offence_summary` FROM `criminal_case` c WHERE c.`suspect_id` = new.`id`;
  INSERT INTO `case_search_name` (`rowid`, `parketnummer`, `suspect_name`)
    SELECT c.`id`, c.`parketnummer`, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.`full_name`, 'ł', 'l'), 'Ł', 'L'), 'ø', 'o'), 'Ø', 'O'), 'ı', 'i'), 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D'), 'ß', 'ss'), 'æ', 'ae'), 'Æ', 'Ae'), 'œ', 'oe'), 'Œ', 'Oe'), 'þ', 'th'), 'Þ', 'Th') FROM `criminal_case` c WHERE c.`suspect_id` = new.`id`;
END;
