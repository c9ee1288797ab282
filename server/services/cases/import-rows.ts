import { findForbiddenCharacter, forbiddenCharacterMessage } from '../../../shared/intake/text-checks';
import { formatCount, type ImportLimits } from './import-file-limits';
import { ImportFileError, type ImportProgress, type ImportTable } from './import-table';

/** Where the rows of a file go while it is read: the header once, data rows in batches, progress now and then. */
export interface ImportSink {
  header(cells: string[]): void;
  rows(batch: ImportTable['rows']): void;
  progress?(progress: ImportProgress): void;
}

const BATCH = 2_000;
const PROGRESS_EVERY = 5_000;

/**
 * Takes the rows of a file as a reader finds them and holds them to the limits: columns, cell size,
 * number of rows and time. Row 1 is the header; fully empty rows are left out.
 */
export class RowCollector {
  private batch: ImportTable['rows'] = [];
  private dataRows = 0;
  private seen = 0;
  private readonly deadline: number;
  private headerDone = false;

  constructor(
    private readonly limits: ImportLimits,
    private readonly sink: ImportSink,
    startedAt = performance.now(),
  ) {
    this.deadline = startedAt + limits.maxSeconds * 1000;
  }

  /** Refuses the file once the time for reading it is up. */
  checkTime(): void {
    if (performance.now() > this.deadline) throw timeLimitError(this.limits);
  }

  add(row: number, cells: string[]): void {
    this.seen += 1;
    if ((this.seen & 255) === 0) this.checkTime();
    let last = cells.length - 1;
    while (last >= 0 && cells[last]!.trim() === '') last -= 1;
    if (last + 1 > this.limits.maxColumns) {
      throw new ImportFileError(
        `Rij ${row} heeft een gevulde cel in kolom ${formatCount(last + 1)}; een importbestand heeft hoogstens ${formatCount(this.limits.maxColumns)} kolommen.`,
      );
    }
    if (cells.length > this.limits.maxColumns) cells = cells.slice(0, this.limits.maxColumns);
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.length > this.limits.maxCellChars) throw cellTooLongError(this.limits, row, i + 1, cells[i]!.length);
    }
    if (row === 1 && !this.headerDone) {
      this.headerDone = true;
      cells.forEach((cell, i) => {
        const forbidden = findForbiddenCharacter(cell.trim());
        if (forbidden) throw new ImportFileError(`Kopregel, kolom ${i + 1}: ${forbiddenCharacterMessage(forbidden)}.`);
      });
      this.sink.header(cells);
      return;
    }
    if (last < 0) return;
    this.dataRows += 1;
    if (this.dataRows > this.limits.maxRows) {
      throw new ImportFileError(
        `Het bestand heeft meer dan ${formatCount(this.limits.maxRows)} rijen met zaken: dat is de grens voor één import. Er is niets geïmporteerd; splits het bestand in delen.`,
      );
    }
    this.batch.push({ row, cells });
    if (this.batch.length >= BATCH) this.flush();
    if (this.dataRows % PROGRESS_EVERY === 0) this.sink.progress?.({ rowsRead: this.dataRows });
  }

  finish(): void {
    if (!this.headerDone) this.sink.header([]);
    this.flush();
    this.sink.progress?.({ rowsRead: this.dataRows });
  }

  private flush() {
    if (this.batch.length === 0) return;
    this.sink.rows(this.batch);
    this.batch = [];
  }
}

export function timeLimitError(limits: ImportLimits): ImportFileError {
  return new ImportFileError(
    `Het lezen van het bestand duurde langer dan ${formatCount(limits.maxSeconds)} seconden, de grens voor één import. Er is niets geïmporteerd; splits het bestand in kleinere delen.`,
  );
}

export function cellTooLongError(limits: ImportLimits, row: number | null, column: number | null, length: number | null): ImportFileError {
  const where = row === null ? 'Een cel' : `Rij ${row}, kolom ${column}: de cel`;
  const size = length === null ? `is langer dan ${formatCount(limits.maxCellChars)} tekens` : `is ${formatCount(length)} tekens lang`;
  return new ImportFileError(`${where} ${size}; de grens is ${formatCount(limits.maxCellChars)} tekens per cel. Er is niets geïmporteerd.`);
}
