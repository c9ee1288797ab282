import type { CjibBatchFiles } from '../../../../shared/cjib/handoff-schemas';

function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers both files of a batch as downloads (the text as it came, so the bytes match the checksum). */
export function downloadBatchFiles(files: CjibBatchFiles): void {
  downloadText(files.json.fileName, files.json.text, 'application/json');
  downloadText(files.csv.fileName, files.csv.text, 'text/csv;charset=utf-8');
}
