import { z } from 'zod';

/**
 * The district server's change feed for a desktop's local copy (issue 14; docs/offline.md). A desktop
 * copies every synced table page by page (`sync.copyPage`), then keeps up with the changes since its
 * cursor (`sync.changes`), and after sending its queued work replaces the rows it touched by the server's
 * (`sync.rows`). All four run in the person's role on PostgreSQL: row-level security decides what is
 * copied, as for every other read.
 *
 * Rows travel with the database's column names (snake_case) and values: integers as numbers, booleans as
 * true/false (the SQLite copy stores 0/1), text and the JSON columns as the text stored, null as null.
 * A key is the row's primary key as text: the id, or the `key` of district_setting and notification_done.
 */

/**
 * Every table of db/schema.ts a desktop copies, parents before the tables whose foreign keys point at
 * them. Not processed_request (the server's stored answers) and not personal_data_read (the disclosure
 * log stays on the server). db/pg-migrations/0008_sync_row_change.sql puts the feed's triggers on exactly
 * these (a test compares both with the database).
 */
export const SYNCED_TABLES = [
  'district',
  'district_setting',
  'notification_done',
  'court_location',
  'courtroom',
  'person',
  'person_unavailability',
  'location_closure',
  'session_template',
  'court_session',
  'suspect',
  'criminal_case',
  'case_precondition',
  'zsm_decision',
  'reservation',
  'hearing',
  'hearing_outcome',
  'decision',
  'sanction',
  'cjib_batch',
  'cjib_handoff',
  'cjib_message',
  'cjib_batch_item',
  'sanction_execution',
  'review_agreement',
  'work_signal',
  'audit_event',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** The tables whose primary key is a text column `key`; every other synced table has an integer `id`. */
const KEYED_BY_TEXT: ReadonlySet<SyncedTable> = new Set(['district_setting', 'notification_done']);

export function primaryKeyOf(table: SyncedTable): 'id' | 'key' {
  return KEYED_BY_TEXT.has(table) ? 'key' : 'id';
}

/**
 * Most rows one page of a full copy may hold. A desktop asks for fewer of a wide table (copyPageSize): a page
 * stays a few megabytes of JSON.
 */
export const MAX_COPY_PAGE = 20_000;
/** Most columns a synced table has, and so a page's `columns`. */
const MAX_COLUMNS = 100;
/** Most keys one `sync.rows` may ask for. */
export const MAX_ROWS_KEYS = 1000;
/** Most changed keys one `sync.changes` answers by default; more: a full copy is cheaper (FULL_COPY_NEEDED). */
export const DEFAULT_MAX_CHANGES = 20_000;
const MAX_CHANGES_LIMIT = 100_000;

const tableSchema = z.enum(SYNCED_TABLES, { message: 'Onbekende tabel: kies een van de tabellen die een kopie kent' });
/** pg_snapshot_xmin(pg_current_snapshot()) as a decimal string (a 64-bit transaction id). */
export const syncCursorSchema = z.string().regex(/^[0-9]{1,20}$/, 'De cursor is ongeldig: een getal, zoals de server het gaf');
const rowKeySchema = z.string().min(1).max(200);
export type SyncCell = string | number | boolean | null;
export type SyncRow = Record<string, SyncCell>;

const isCell = (cell: unknown): boolean => cell === null || typeof cell === 'string' || typeof cell === 'boolean' || (typeof cell === 'number' && Number.isFinite(cell));

/**
 * One row as the database holds it: column name -> a JSON scalar (never a Date, a Buffer or an object).
 * Checked by one loop, not per cell by zod: a page is 5,000 rows of up to 45 columns, and a full copy of
 * a large district a million rows (zod's record check cost more than the query itself, measured).
 */
export const syncRowSchema = z.custom<SyncRow>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.values(value).every(isCell),
  { message: 'Een rij bestaat uit kolommen met tekst, getallen, ja/nee of leeg' },
);

/** A page's rows: each an array of values in the order of the page's columns (one loop, as syncRowSchema). */
const pageRowsSchema = z.custom<SyncCell[][]>(
  (value) => Array.isArray(value) && value.length <= MAX_COPY_PAGE && value.every((row) => Array.isArray(row) && row.every(isCell)),
  { message: `Een pagina bestaat uit hoogstens ${MAX_COPY_PAGE} rijen, elk een lijst van tekst, getallen, ja/nee of leeg` },
);

export const syncTablesInputSchema = z.object({}).strict();
export const syncTablesOutputSchema = z.object({
  tables: z.array(z.object({ table: tableSchema, key: z.enum(['id', 'key']) }).strict()).max(SYNCED_TABLES.length),
}).strict();

export const copyPageInputSchema = z
  .object({
    table: tableSchema,
    /** The key of the last row of the previous page; null: from the start. */
    afterKey: rowKeySchema.nullable(),
    limit: z.number().int().min(1).max(MAX_COPY_PAGE),
    /** The cursor of this full copy (from its first page); null: take one now. */
    cursor: syncCursorSchema.nullable(),
  })
  .strict();
export const copyPageOutputSchema = z
  .object({
    /** Taken now when the input's cursor was null, else the input's, echoed. */
    cursor: syncCursorSchema,
    /** The table's column names (the database's, snake_case), once; each row holds its values in this order. */
    columns: z.array(z.string().min(1).max(63)).max(MAX_COLUMNS),
    rows: pageRowsSchema,
    /** The key of the page's last row when the page is full (ask again after it); null: the table is done. */
    lastKey: rowKeySchema.nullable(),
  })
  .strict()
  .refine((page) => page.rows.every((row) => row.length === page.columns.length), { message: 'Elke rij van een pagina heeft een waarde per kolom', path: ['rows'] });

export const changesInputSchema = z
  .object({
    cursor: syncCursorSchema,
    maxRows: z.number().int().min(1).max(MAX_CHANGES_LIMIT).default(DEFAULT_MAX_CHANGES),
  })
  .strict();
export const changesOutputSchema = z
  .object({
    cursor: syncCursorSchema,
    /** The tables with changes, parents first (SYNCED_TABLES order); each changed key is in rows or in deletedKeys. */
    tables: z
      .array(
        z
          .object({
            table: tableSchema,
            rows: z.array(syncRowSchema).max(MAX_CHANGES_LIMIT),
            /** Changed keys whose row is gone or that this person may no longer see (a case moved to another unit). */
            deletedKeys: z.array(rowKeySchema).max(MAX_CHANGES_LIMIT),
          })
          .strict(),
      )
      .max(SYNCED_TABLES.length),
  })
  .strict();

export const rowsInputSchema = z
  .object({
    table: tableSchema,
    keys: z.array(rowKeySchema).min(1, 'Noem minstens één sleutel').max(MAX_ROWS_KEYS, `Hoogstens ${MAX_ROWS_KEYS} sleutels per keer`),
  })
  .strict();
export const rowsOutputSchema = z
  .object({
    rows: z.array(syncRowSchema).max(MAX_ROWS_KEYS),
    /** Asked keys without a row this person may see (gone, or not theirs to see). */
    missingKeys: z.array(rowKeySchema).max(MAX_ROWS_KEYS),
  })
  .strict();

/** A page's rows as objects keyed by column name (tests and comparisons; the copy writes the arrays). */
export function pageRows(page: { columns: readonly string[]; rows: readonly (readonly SyncCell[])[] }): SyncRow[] {
  return page.rows.map((row) => Object.fromEntries(page.columns.map((name, i) => [name, row[i] ?? null])) as SyncRow);
}

export type CopyPageInput = z.input<typeof copyPageInputSchema>;
export type CopyPageOutput = z.output<typeof copyPageOutputSchema>;
export type ChangesInput = z.input<typeof changesInputSchema>;
export type ChangesOutput = z.output<typeof changesOutputSchema>;
export type RowsInput = z.input<typeof rowsInputSchema>;
export type RowsOutput = z.output<typeof rowsOutputSchema>;
