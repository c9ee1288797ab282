/** How far a case import has read, as the UI shows it while it waits (cases.importProgress). */
export interface ImportProgressState {
  rowsRead: number;
  /** The import has answered (its report holds the rest). */
  finished: boolean;
}

/**
 * The imports of this process, by the request id their caller chose (a random id per user action, so
 * nobody can ask after another's import without it): counts only, never a row. Kept in memory, the most
 * recent KEEP (a finished import stays until newer ones push it out, so a last question still has its answer).
 */
const progressByRequest = new Map<string, ImportProgressState>();
const KEEP = 100;

export function recordImportProgress(requestId: string, rowsRead: number, finished = false): void {
  progressByRequest.delete(requestId);
  progressByRequest.set(requestId, { rowsRead, finished });
  for (const oldest of progressByRequest.keys()) {
    if (progressByRequest.size <= KEEP) break;
    progressByRequest.delete(oldest);
  }
}

/** The import's progress, or null when no import with this request id ran here (lately). */
export function importProgressOf(requestId: string): ImportProgressState | null {
  return progressByRequest.get(requestId) ?? null;
}
