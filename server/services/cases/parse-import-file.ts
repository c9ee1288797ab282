import { formatMb, type ImportLimits } from './import-file-limits';
import { RowCollector, type ImportSink } from './import-rows';
import { ImportFileError } from './import-table';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';

/** The kind of file its name says it is; anything else is refused before a byte is read. */
export function importFileKind(fileName: string): 'csv' | 'xlsx' {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'csv' || extension === 'txt') return 'csv';
  if (extension === 'xlsx') return 'xlsx';
  throw new ImportFileError(`Bestand "${fileName}" is geen CSV of XLSX. Gebruik het sjabloon (.csv of .xlsx).`);
}

export function checkFileSize(content: Uint8Array, limits: ImportLimits): void {
  if (content.length > limits.maxFileBytes) {
    throw new ImportFileError(`Het bestand is ${formatMb(content.length)} groot; de grens voor één import is ${formatMb(limits.maxFileBytes)}. Er is niets geïmporteerd; splits het bestand in delen.`);
  }
}

/**
 * Reads a CSV or the first worksheet of an XLSX as a stream into the sink, within the limits. Runs in
 * the import's worker thread (import-file-worker.ts), or in the caller's thread where no worker is built.
 */
export async function parseImportFile(fileName: string, content: Buffer, limits: ImportLimits, sink: ImportSink): Promise<void> {
  const kind = importFileKind(fileName);
  checkFileSize(content, limits);
  const collector = new RowCollector(limits, sink);
  if (kind === 'csv') readCsv(content, collector);
  else await readXlsx(content, limits, collector);
}
