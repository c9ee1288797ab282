import { z } from 'zod';

/**
 * sync.resolveConflict (issue 14, docs/offline.md): a desktop tells the district server what its user
 * decided about a write the server refused (the conflict inbox): redo it (sent again as a new action),
 * adapt it (the user changes it by hand) or drop it. The server writes an audit event, so the decision is
 * traced like every change (who, when, which action, why).
 */
export const resolveConflictInputSchema = z
  .object({
    /** The refused write's own request id (its Idempotency-Key). */
    requestId: z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'De aanvraag-id van de geweigerde handeling is ongeldig'),
    /** The refused write's operation name. */
    operation: z.string().min(1).max(80),
    choice: z.enum(['redo', 'adapt', 'drop'], { message: 'Kies: opnieuw proberen, aanpassen of laten vallen' }),
    /** The Dutch summary the user saw ("Uitkomst vastleggen: zaak 13/123456-26"). */
    summary: z.string().trim().min(1, 'De omschrijving ontbreekt').max(300, 'De omschrijving is te lang (max. 300 tekens)'),
  })
  .strict();

export const resolveConflictOutputSchema = z.object({ recorded: z.literal(true) }).strict();
