import type { FillerKind, Modality } from '../domain/modality';
import { parseDutchDate, parseDutchDateTime, type ParseResult } from './dutch-datetime';

/**
 * The column set of a case import file (CSV or XLSX), as police and OM systems export it.
 * Headers are Dutch and matched without regard to case, spaces, hyphens or underscores.
 * Documented in docs/intake-import.md; the downloadable template is generated from this list.
 */

export type ImportField =
  | 'parketnummer'
  | 'suspect.fullName'
  | 'suspect.dateOfBirth'
  | 'suspect.summonsAddress'
  | 'suspect.lawyerName'
  | 'modality'
  | 'fillerKind'
  | 'policeUnit'
  | 'offenceSummary'
  | 'offenceAt'
  | 'arrestedAt'
  | 'custodyOrderedAt'
  | 'custodyExtendedAt'
  | 'remandOrderedAt'
  | 'summonsServedAt'
  | 'shortTermConsent'
  | 'coDefendantGroup'
  | 'estimatedMinutes';

export interface ImportColumn {
  header: string;
  field: ImportField;
  required: boolean;
  format: string;
  example: string;
  parse(text: string): ParseResult<string | boolean | number>;
}

const MODALITY_WORDS: Record<string, Modality> = {
  zsm: 'zsm',
  supersnelrecht: 'supersnelrecht',
  snelrecht: 'snelrecht',
  'snelrecht gedetineerd': 'snelrecht',
  'snelrecht gedetineerden': 'snelrecht',
  snelrecht_nd: 'snelrecht_nd',
  'snelrecht niet-gedetineerd': 'snelrecht_nd',
  'snelrecht niet gedetineerd': 'snelrecht_nd',
  'snelrecht nd': 'snelrecht_nd',
  opvulzaak: 'filler',
  filler: 'filler',
};

export const FILLER_KIND_WORDS: Record<string, FillerKind> = {
  'oudere zaak': 'older_case',
  verzet: 'verzet',
  verzetzaak: 'verzet',
  'vordering tenuitvoerlegging': 'vtl',
  vtl: 'vtl',
  'ontboden verdachte': 'summoned_suspect',
  voorraadzaak: 'stock_case',
  'aangehouden zaak': 'adjourned_case',
};

const text = (value: string): ParseResult<string> => ({ ok: true, value: value.trim() });
const word =
  <T extends string>(words: Record<string, T>, what: string, choices: string) =>
  (value: string): ParseResult<string> => {
    const found = words[value.trim().toLowerCase()] ?? (Object.values(words).includes(value.trim() as T) ? (value.trim() as T) : undefined);
    return found ? { ok: true, value: found } : { ok: false, message: `"${value.trim()}" is geen ${what}; kies uit: ${choices}` };
  };
const MODALITY_CHOICES = 'supersnelrecht, snelrecht, snelrecht niet-gedetineerd, opvulzaak of zsm';
const FILLER_KIND_CHOICES = 'oudere zaak, verzet, vordering tenuitvoerlegging, ontboden verdachte, voorraadzaak of aangehouden zaak';
const yesNo = (value: string): ParseResult<boolean> => {
  const v = value.trim().toLowerCase();
  if (['ja', 'j', 'yes', 'true', '1', 'x'].includes(v)) return { ok: true, value: true };
  if (['nee', 'n', 'no', 'false', '0', ''].includes(v)) return { ok: true, value: false };
  return { ok: false, message: `"${value.trim()}" is geen ja of nee` };
};
const moment = (value: string) => parseDutchDateTime(value);
/** Whole minutes; the range is checked by the intake schema, with its message. */
const minutes = (value: string): ParseResult<number> => {
  const v = value.trim();
  return /^\d{1,4}$/.test(v) ? { ok: true, value: Number(v) } : { ok: false, message: `"${v}" is geen aantal hele minuten (bijvoorbeeld 30)` };
};

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { header: 'parketnummer', field: 'parketnummer', required: true, format: '19/123456-26', example: '19/104512-26', parse: text },
  { header: 'naam verdachte', field: 'suspect.fullName', required: true, format: 'tekst', example: 'J. de Vries', parse: text },
  { header: 'geboortedatum', field: 'suspect.dateOfBirth', required: true, format: 'dd-mm-jjjj', example: '03-07-1994', parse: parseDutchDate },
  { header: 'adres voor dagvaarding', field: 'suspect.summonsAddress', required: false, format: 'tekst', example: 'Postbus 123, Hanzestad', parse: text },
  { header: 'advocaat', field: 'suspect.lawyerName', required: false, format: 'tekst', example: 'mr. T. Wolters', parse: text },
  { header: 'modaliteit', field: 'modality', required: true, format: MODALITY_CHOICES, example: 'supersnelrecht', parse: word(MODALITY_WORDS, 'modaliteit', MODALITY_CHOICES) },
  { header: 'soort opvulzaak', field: 'fillerKind', required: false, format: `bij een opvulzaak: ${FILLER_KIND_CHOICES}`, example: '', parse: word(FILLER_KIND_WORDS, 'soort opvulzaak', FILLER_KIND_CHOICES) },
  { header: 'politie-eenheid', field: 'policeUnit', required: true, format: 'tekst', example: 'Basisteam Hanzestad-Centrum', parse: text },
  { header: 'feit', field: 'offenceSummary', required: true, format: 'tekst', example: 'Winkeldiefstal', parse: text },
  { header: 'pleegdatum', field: 'offenceAt', required: false, format: 'dd-mm-jjjj of dd-mm-jjjj uu:mm', example: '14-04-2026 16:40', parse: (v) => parseDutchDateTime(v, { dateOnlyAllowed: true }) },
  { header: 'aanhouding', field: 'arrestedAt', required: false, format: 'dd-mm-jjjj uu:mm', example: '14-04-2026 17:05', parse: moment },
  { header: 'inverzekeringstelling', field: 'custodyOrderedAt', required: false, format: 'dd-mm-jjjj uu:mm', example: '14-04-2026 23:30', parse: moment },
  { header: 'verlenging inverzekeringstelling', field: 'custodyExtendedAt', required: false, format: 'dd-mm-jjjj uu:mm', example: '', parse: moment },
  { header: 'bewaring', field: 'remandOrderedAt', required: false, format: 'dd-mm-jjjj uu:mm', example: '', parse: moment },
  { header: 'betekening dagvaarding', field: 'summonsServedAt', required: false, format: 'dd-mm-jjjj uu:mm', example: '15-04-2026 10:00', parse: moment },
  { header: 'instemming kortere termijn', field: 'shortTermConsent', required: false, format: 'ja of nee', example: 'ja', parse: yesNo },
  { header: 'zaaksgroep', field: 'coDefendantGroup', required: false, format: 'tekst: dezelfde code bij medeverdachten (bijv. het pv-nummer)', example: 'PL0900-2026041412', parse: text },
  { header: 'duur_minuten', field: 'estimatedMinutes', required: false, format: 'hele minuten (5 tot 480); leeg = standaard van de modaliteit', example: '30', parse: minutes },
];

/** Header text as users type it: case, spaces, hyphens and underscores do not matter. */
export function normaliseHeader(header: string): string {
  return header.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

export const COLUMN_BY_HEADER: ReadonlyMap<string, ImportColumn> = new Map(IMPORT_COLUMNS.map((c) => [normaliseHeader(c.header), c]));

export function columnForField(field: string): ImportColumn | undefined {
  return IMPORT_COLUMNS.find((c) => c.field === field);
}
