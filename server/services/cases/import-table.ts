export interface ImportTable {
  headers: string[];
  /** Data rows with their spreadsheet row number (header = 1). Fully empty rows are left out; a row's
   * cells may be more or fewer than the headers (the import reports that). */
  rows: { row: number; cells: string[] }[];
}

/** The file as a whole cannot be imported; the message (Dutch) says why and, where it can, where. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

/** How far the reading has come, for a progress bar: rows read so far. */
export interface ImportProgress {
  rowsRead: number;
}
