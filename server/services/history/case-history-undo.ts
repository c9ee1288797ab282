import type { AppDatabase } from '../../../db/open-database';
import type { CaseDetail } from '../../../shared/api/case-schemas';
import { newestActionOfCase, undoState } from './undo';
import { sqlRow } from '../context/query-results';

/**
 * The case's history with 'Ongedaan maken' decided for its newest row (undoable + reason, from the
 * undo itself: undo.ts); older rows are never offered (undo the newest action first, or act anew).
 */
export async function withHistoryUndo(db: AppDatabase, detail: CaseDetail, actor: string, now: Date): Promise<CaseDetail> {
  const [newest, ...older] = detail.history;
  if (!newest) return detail;
  const full = await sqlRow(db.$client, 'select entity_id as "entityId" from audit_event where id = ?', [newest.id]) as { entityId: number } | undefined;
  const actionId = full ? await newestActionOfCase(db, { ...newest, entityId: full.entityId }) : null;
  if (actionId === null) return detail;
  return { ...detail, history: [{ ...newest, ...await undoState(db, actionId, actor, now) }, ...older] };
}
