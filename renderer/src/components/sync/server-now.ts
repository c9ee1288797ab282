/**
 * What the district server holds now of a refused action's subject (SyncConflict.serverNow: its current
 * row(s), DB column names), as label-value lines a person can read: the main fields first, technical
 * columns left out, values in Dutch. Not a JSON dump.
 */

export interface ServerNowRow {
  title: string;
  fields: { label: string; value: string }[];
  /** Fields beyond the first MAX_FIELDS, not shown. */
  hidden: number;
}

const MAX_FIELDS = 12;

const TABLE_NAMES: Record<string, string> = {
  court_session: 'Zitting',
  hearing: 'Behandeling',
  hearing_outcome: 'Uitkomst van de behandeling',
  reservation: 'Reservering',
  criminal_case: 'Zaak',
  court_location: 'Locatie',
  courtroom: 'Zaal',
  person: 'Persoon',
  audit_event: 'Logboek',
  zsm_decision: 'ZSM-beslissing',
  decision: 'Beslissing',
  sanction: 'Straf of maatregel',
  case_precondition: 'Voorwaarde',
  suspect: 'Verdachte',
  notification_done: 'Melding',
};

/** The columns a person recognises, in the order they are shown. */
const LABELS: Record<string, string> = {
  parketnummer: 'Parketnummer',
  date: 'Datum',
  start_time: 'Aanvang',
  end_time: 'Einde',
  session_type: 'Soort zitting',
  status: 'Status',
  outcome: 'Uitkomst',
  modality: 'Modaliteit',
  slots: 'Plaatsen',
  daypart: 'Dagdeel',
  capacity_slots: 'Capaciteit (plaatsen)',
  capacity_minutes: 'Capaciteit (minuten)',
  accepted_modalities: 'Modaliteiten',
  accepted_filler_kinds: 'Opvulzaken',
  overbooking_slots: 'Overboeking (plaatsen)',
  accepts_minors: 'Ook minderjarigen',
  reserved_by: 'Gereserveerd door',
  reserved_at: 'Gereserveerd op',
  release_due_on: 'Vrijgave op',
  released_at: 'Vrijgegeven op',
  released_by: 'Vrijgegeven door',
  recorded_by: 'Vastgelegd door',
  recorded_at: 'Vastgelegd op',
  decided_by: 'Beslist door',
  decided_at: 'Beslist op',
  suspect_present: 'Verdachte aanwezig',
  adjournment_reason: 'Reden van aanhouding',
  resume_from: 'Weer te behandelen vanaf',
  cancel_reason: 'Reden van annulering',
  kind: 'Soort',
  expected_on: 'Verwacht op',
  met_on: 'Geregeld op',
  note: 'Notitie',
  session_id: 'Zitting (nummer)',
  case_id: 'Zaak (nummer)',
  hearing_id: 'Behandeling (nummer)',
  updated_by: 'Gewijzigd door',
  updated_at: 'Gewijzigd op',
};

/** Never shown: keys, search text and bookkeeping the person cannot act on. */
const TECHNICAL = new Set(['id', 'version', 'created_at', 'search_text', 'booked_before', 'courtroom_id', 'template_id', 'judge_id', 'prosecutor_id']);

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** Status codes in words (the statuses of sessions, hearings, reservations and preconditions). */
const STATUS_WORDS: Record<string, string> = {
  scheduled: 'gepland',
  cancelled: 'vervallen',
  planned: 'gepland',
  held: 'behandeld',
  open: 'open',
  released: 'vrijgegeven',
  met: 'geregeld',
  pending: 'nog niet geregeld',
};

/** A code in words for a column whose values the app names elsewhere (modality, outcome); null: the value as it is. */
export type ValueLabel = (column: string, value: string) => string | null;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function valueText(column: string, value: unknown, formatInstant: (iso: string) => string, valueLabel: ValueLabel): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'string') {
    const named = valueLabel(column, value) ?? (column === 'status' ? (STATUS_WORDS[value] ?? null) : null);
    if (named) return named;
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatInstant(value);
    const date = DATE.exec(value);
    if (date) return `${date[3]}-${date[2]}-${date[1]}`;
    return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value).slice(0, 200);
}

const humanLabel = (column: string) => {
  const words = column.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A synced table as a person names it: 'Zitting', 'Zaak', else its name in words. */
export const tableName = (table: string) => TABLE_NAMES[table] ?? humanLabel(table);

function rowOf(row: Record<string, unknown>, table: string | null, formatInstant: (iso: string) => string, valueLabel: ValueLabel): ServerNowRow {
  // Empty fields say nothing about the conflict: left out.
  const columns = Object.keys(row).filter((column) => !TECHNICAL.has(column) && !isEmpty(row[column]));
  const known = Object.keys(LABELS).filter((column) => columns.includes(column));
  const others = columns.filter((column) => !(column in LABELS));
  const ordered = [...known, ...others];
  const shown = ordered.slice(0, MAX_FIELDS);
  const name = table ? tableName(table) : 'Gegevens';
  return {
    title: row['id'] !== undefined && row['id'] !== null ? `${name} ${String(row['id'] as string | number)}` : name,
    fields: shown.map((column) => ({ label: LABELS[column] ?? humanLabel(column), value: valueText(column, row[column], formatInstant, valueLabel) })),
    hidden: ordered.length - shown.length,
  };
}

const isRow = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * Accepts the shapes the outbox may store: a row, a list of rows, { table, rows }, or a list of those.
 * Null or an empty list: the server has nothing (any more) that this person may see.
 */
export function serverNowRows(serverNow: unknown, formatInstant: (iso: string) => string, table: string | null = null, valueLabel: ValueLabel = () => null): ServerNowRow[] {
  if (serverNow === null || serverNow === undefined) return [];
  if (Array.isArray(serverNow)) return serverNow.flatMap((item) => serverNowRows(item, formatInstant, table, valueLabel));
  if (!isRow(serverNow)) return [{ title: 'Gegevens', fields: [{ label: 'Waarde', value: valueText('', serverNow, formatInstant, valueLabel) }], hidden: 0 }];
  if (Array.isArray(serverNow['rows'])) {
    const named = typeof serverNow['table'] === 'string' ? serverNow['table'] : table;
    return serverNowRows(serverNow['rows'], formatInstant, named, valueLabel);
  }
  return [rowOf(serverNow, table, formatInstant, valueLabel)];
}

/** The case or session page where the person can do the refused action again by hand ('Aanpassen'). */
export function adaptTarget(operation: string, subject: { table: string; key: string } | null, serverNow: unknown): string {
  const first = collectRows(serverNow)[0] ?? {};
  const caseId = subject?.table === 'criminal_case' ? subject.key : first['case_id'];
  const sessionId = subject?.table === 'court_session' ? subject.key : first['session_id'];
  if (operation.startsWith('reservations.')) return '/reserveringen';
  if ((operation.startsWith('outcomes.') || operation.startsWith('decisions.')) && sessionId !== undefined && sessionId !== null) return `/zittingen/${String(sessionId as string | number)}/uitspraken`;
  if (caseId !== undefined && caseId !== null) return `/zaken/${String(caseId as string | number)}`;
  if (sessionId !== undefined && sessionId !== null) return `/zittingen/${String(sessionId as string | number)}/uitspraken`;
  return '/zittingen';
}

function collectRows(serverNow: unknown): Record<string, unknown>[] {
  if (Array.isArray(serverNow)) return serverNow.flatMap(collectRows);
  if (!isRow(serverNow)) return [];
  if (Array.isArray(serverNow['rows'])) return collectRows(serverNow['rows']);
  return [serverNow];
}
