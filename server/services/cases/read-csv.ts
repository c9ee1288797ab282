import Papa from 'papaparse';
import { decodeImportText } from './decode-import-text';
import { ImportFileError } from './import-table';
import type { RowCollector } from './import-rows';

/**
 * A CSV (comma, semicolon or another delimiter papaparse recognises, as Dutch Excel writes it), row by
 * row: papaparse's step mode hands over one record at a time, so the collector can stop at a limit.
 */
export function readCsv(content: Uint8Array, collector: RowCollector): void {
  const { text } = decodeImportText(content);
  collector.checkTime();
  let row = 0;
  let failure: unknown = null;
  Papa.parse<string[]>(text, {
    delimiter: '',
    skipEmptyLines: false,
    step: (results, parser) => {
      row += 1;
      try {
        if (results.errors.some((e) => e.type === 'Quotes')) {
          throw new ImportFileError(`CSV niet leesbaar bij rij ${row}: een aanhalingsteken wordt niet gesloten.`);
        }
        collector.add(row, results.data);
      } catch (error) {
        failure = error;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  collector.finish();
}
