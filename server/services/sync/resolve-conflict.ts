import type { OperationHandler } from '../api-handler';
import { appendAudit } from '../audit';
import { isPostgresClient } from '../context/query-results';
import { ServiceError } from '../service-error';

/** How the audit trail names the user's decision (the buttons on the page Conflicten). */
const CHOICE_NAMES = { redo: 'opnieuw geprobeerd', adapt: 'aangepast', drop: 'laten vallen' } as const;

export const NO_CONFLICTS_HERE = 'Conflicten bestaan alleen bij een desktop die met een districtsserver werkt; dit is een los districtsbestand.';

/**
 * sync.resolveConflict (issue 14, docs/offline.md): a desktop's user decided what happens to a write the
 * server refused while it was sent from the outbox. One audit event with the choice, the operation, the
 * refused request id and the summary the user saw; the redo itself is a new request of its own.
 */
export const resolveConflict: OperationHandler<'sync.resolveConflict'> = async (input, ctx) => {
  if (!isPostgresClient(ctx.db.$client)) throw new ServiceError('CONFLICT', NO_CONFLICTS_HERE);
  await ctx.write(async () => {
    await appendAudit(ctx.db, {
      occurredAt: ctx.clock.now().toISOString(),
      actor: ctx.actor,
      action: 'sync.conflict_resolved',
      entityType: 'operation',
      entityId: 0,
      reason: `Geweigerde handeling ${CHOICE_NAMES[input.choice]}: ${input.summary}`,
      details: { choice: input.choice, operation: input.operation, requestId: input.requestId, summary: input.summary },
    });
  });
  return { recorded: true as const };
};
