/**
 * How much one import file may ask of the back end. Every limit is checked while the file is read (a
 * stream, never the whole workbook in memory), and a file over a limit is refused as a whole with a
 * Dutch message that names the limit. Documented in docs/intake-import.md.
 */
export interface ImportLimits {
  /** The file as uploaded (the API's own cap is 20 MB of file). */
  maxFileBytes: number;
  /** Rows with at least one filled cell, the header not counted. */
  maxRows: number;
  /** The furthest column a filled cell may stand in (256 = column IV). */
  maxColumns: number;
  /** Characters in one cell. */
  maxCellChars: number;
  /** XLSX: the parts that are read (workbook, styles, shared texts, first worksheet), unpacked. */
  maxUnpackedBytes: number;
  /** Wall time for reading the file, in seconds. */
  maxSeconds: number;
  /** Heap of the thread that reads the file, in MB. */
  maxMemoryMb: number;
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 256,
  maxCellChars: 10_000,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxSeconds: 20,
  maxMemoryMb: 256,
});

export const formatCount = (n: number) => n.toLocaleString('nl-NL');
export const formatMb = (bytes: number) => `${formatCount(Math.ceil(bytes / (1024 * 1024)))} MB`;
