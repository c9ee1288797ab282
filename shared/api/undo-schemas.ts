import { z } from 'zod';
import { MAX_ROW_ID } from './row-id';

/** The actions that can be undone, each as one reverse action (server/services/history/undo.ts). */
export const UNDO_KINDS = ['move', 'unplan', 'cancel', 'plan'] as const;
export type UndoKind = (typeof UNDO_KINDS)[number];

/**
 * What an undoable action returns: the id of the audit event that records it (its last row). The
 * renderer offers 'Ongedaan maken' with it (history.undo); null when the action cannot be undone.
 */
export const undoTokenSchema = z.object({ actionId: z.number().int().positive(), kind: z.enum(UNDO_KINDS) });
export type UndoToken = z.infer<typeof undoTokenSchema>;

export const undoInputSchema = z.object({ actionId: z.number().int().positive().max(MAX_ROW_ID, 'Onbekende actie') }).strict();

export const undoResultSchema = z.object({
  kind: z.enum(UNDO_KINDS),
  /** False when the action had been undone already (a double click): nothing changed this time. */
  undone: z.boolean(),
  caseIds: z.array(z.number().int()),
  sessionId: z.number().int().nullable(),
  /** Plain Dutch: what was put back. */
  message: z.string(),
});
export type UndoResult = z.infer<typeof undoResultSchema>;

/** Per history row: whether 'Ongedaan maken' is offered (only on the newest undoable action of the case). */
export const historyUndoFields = {
  /** The audit event of the action this row belongs to, when that action is of an undoable kind. */
  undoActionId: z.number().int().nullable().optional(),
  undoable: z.boolean().optional(),
  /** Why the newest action cannot be undone (plain Dutch); null when it can, or for older rows. */
  undoBlockedReason: z.string().nullable().optional(),
};
