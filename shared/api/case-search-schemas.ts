import { z } from 'zod';
import { CASE_STATUSES } from '../domain/case-status';
import { MODALITIES } from '../domain/modality';

/**
 * The header's search box (cases.search): one box for a case by any part of the suspect's name, the
 * parketnummer, the police unit or the offence (server/services/cases/search-cases.ts, migration 0018).
 */

/** The index matches parts of at least 3 characters (FTS5 trigram tokenizer). */
export const SEARCH_MIN_CHARS = 3;
export const SEARCH_MAX_CHARS = 100;
export const SEARCH_MAX_RESULTS = 50;

export const caseSearchInputSchema = z
  .object({
    query: z.string().trim().max(SEARCH_MAX_CHARS, `Zoektekst is te lang: gebruik ten hoogste ${SEARCH_MAX_CHARS} tekens`),
    limit: z.number().int().min(1).max(SEARCH_MAX_RESULTS),
  })
  .strict();

/** The hard legal limits that can bind a case: the voorgeleiding (art. 59a Sv) and the hearing (within the inverzekeringstelling, art. 58 Sv, or the bewaring, art. 64 Sv). */
export const HARD_LIMIT_KINDS = ['voorgeleiding', 'hearing'] as const;

export const caseSearchResultSchema = z.object({
  id: z.number().int(),
  parketnummer: z.string(),
  suspectName: z.string(),
  /** YYYY-MM-DD; '' once pseudonymised after the retention term. */
  dateOfBirth: z.string(),
  modality: z.enum(MODALITIES),
  status: z.enum(CASE_STATUSES),
  /** A detained modality (supersnelrecht, snelrecht) on a case not yet heard: the suspect is in custody awaiting the hearing. */
  detained: z.boolean(),
  policeUnit: z.string(),
  offenceSummary: z.string(),
  /** The hard limit that binds the case now (ISO instant), with its kind; null when none binds (no limit, or heard already). */
  hardLimit: z.object({ at: z.string(), kind: z.enum(HARD_LIMIT_KINDS) }).nullable(),
});
export type CaseSearchResult = z.infer<typeof caseSearchResultSchema>;

export const caseSearchOutputSchema = z.object({
  query: z.string(),
  /** No part of the query has SEARCH_MIN_CHARS characters: nothing was searched. */
  tooShort: z.boolean(),
  /** More cases match than are listed: typing more narrows the list. */
  more: z.boolean(),
  results: z.array(caseSearchResultSchema).max(SEARCH_MAX_RESULTS),
});
export type CaseSearchOutput = z.infer<typeof caseSearchOutputSchema>;

/**
 * Letters that Unicode does not compose of a base letter and a diacritic, so that the tokenizer's
 * remove_diacritics keeps them: folded in the indexed name (migration 0018 has this same list) and in
 * the query, so 'walesa' finds 'Wałęsa', 'yildirim' 'Yıldırım', 'soren' 'Søren', 'strasse' 'Straße'.
 */
export const SEARCH_FOLDS: readonly (readonly [string, string])[] = [
  ['ł', 'l'], ['Ł', 'L'], ['ø', 'o'], ['Ø', 'O'], ['ı', 'i'], ['đ', 'd'], ['Đ', 'D'], ['ð', 'd'],
  ['Ð', 'D'], ['ß', 'ss'], ['æ', 'ae'], ['Æ', 'Ae'], ['œ', 'oe'], ['Œ', 'Oe'], ['þ', 'th'], ['Þ', 'Th'],
];

export const foldForSearch = (text: string) => SEARCH_FOLDS.reduce((folded, [from, to]) => folded.replaceAll(from, to), text);

/**
 * The words of a query: split on white space; those of SEARCH_MIN_CHARS characters or more go to the
 * trigram index, shorter ones ('de', 'A.') only narrow what the index found. Double quotes and
 * asterisks are left out (habits from other search boxes: '"Jansen"', 'jans*'; no name, parketnummer,
 * police unit holds them), and so are control characters (FTS5 would read a NUL as the end of the
 * query); every other character is searched for as typed. Characters are counted as
 * code points, as the tokenizer does.
 */
export function searchWords(query: string): { indexed: string[]; narrowing: string[] } {
  const words = foldForSearch(query)
    .replace(/["*\p{Cc}]/gu, ' ')
    .trim()
    .split(/\s+/u)
    .filter((w) => w.length > 0);
  const long = (w: string) => [...w].length >= SEARCH_MIN_CHARS;
  return { indexed: words.filter(long), narrowing: words.filter((w) => !long(w)) };
}
