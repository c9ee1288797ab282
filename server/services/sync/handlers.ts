import type { FeatureHandlers } from '../api-handler';
import { changesSince, copyPage, rowsOf, syncTables } from './change-feed';
import { resolveConflict } from './resolve-conflict';

/** A desktop's local copy (issue 14, docs/offline.md): the district server's change feed. */
export const syncHandlers: FeatureHandlers<'sync'> = {
  'sync.tables': (_input, ctx) => syncTables(ctx.db),
  'sync.copyPage': async (input, ctx) => await copyPage(ctx.db, input, (caseIds) => ctx.disclose?.(caseIds)),
  'sync.changes': async (input, ctx) => await changesSince(ctx.db, input, (caseIds) => ctx.disclose?.(caseIds)),
  'sync.rows': async (input, ctx) => await rowsOf(ctx.db, input, (caseIds) => ctx.disclose?.(caseIds)),
  'sync.resolveConflict': resolveConflict,
};
