import { z } from 'zod';

/**
 * disclosures.recordOffline (issue 14 with issue 13 item 5, docs/offline.md): the reads of personal data a
 * desktop answered from its local copy while the district server could not be reached, sent when it is back,
 * so the server's log of who read which case when is complete. The server names the reader itself (the
 * signed-in person); the desktop sends only when, which operation and which cases.
 */
const offlineReadSchema = z
  .object({
    /** When the desktop answered the read (its clock). */
    readAt: z.iso.datetime({ message: 'Het tijdstip van een gelezen handeling is ongeldig (ISO-8601, UTC)' }).max(40, 'Het tijdstip van een gelezen handeling is te lang'),
    /** The read operation that disclosed the cases ("cases.get"). */
    operation: z.string().regex(/^[a-z]+(\.[A-Za-z]+)+$/, 'De handeling van een gelezen zaak is ongeldig').max(80),
    caseIds: z.array(z.number().int().positive()).min(1).max(1000, 'Te veel zaken in één gelezen handeling (max. 1000)'),
    /** The read's own request id on the desktop: sending it twice records it once. */
    requestId: z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'De aanvraag-id van een gelezen handeling is ongeldig'),
  })
  .strict();

export const recordOfflineReadsInputSchema = z
  .object({ reads: z.array(offlineReadSchema).min(1).max(200, 'Te veel gelezen handelingen in één keer (max. 200)') })
  .strict();

export const recordOfflineReadsOutputSchema = z.object({ recorded: z.number().int().nonnegative() }).strict();
