import type { AppDatabase } from '../../../db/open-database';
import type { CaseDetail } from '../../../shared/api/case-schemas';
import { newestActionOfCase, undoState } from './undo';

/**
 * The case's history with 'Ongedaan maken' decided for its newest row (undoable + reason, from the
 * undo itself: undo.ts); older rows are never offered (undo the newest action first, or act anew).
 */
export function withHistoryUndo(db: AppDatabase, detail: CaseDetail, actor: string, now: Date): CaseDetail {
  const [newest, ...older] = detail.history;
  if (!newest) return detail;
  const full = db.$client.prepare('select entity_id as entityId from audit_event where id = ?').get(newest.id) as { entityId: number } | undefined;
  const actionId = full ? newestActionOfCase(db, { ...newest, entityId: full.entityId }) : null;
  if (actionId === null) return detail;
  return { ...detail, history: [{ ...newest, ...undoState(db, actionId, actor, now) }, ...older] };
}
