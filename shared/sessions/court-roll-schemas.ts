import { z } from 'zod';
import { MAX_ROW_ID } from '../api/row-id';
import { localDateSchema } from '../api/local-date';
import { MODALITIES } from '../domain/modality';
import { HEARING_STATUSES } from '../domain/case-status';
import { DAYPARTS, SESSION_STATUSES, SESSION_TYPES } from '../domain/session';

/** The court roll (zittingsrol) of one session: `sessions.courtRoll` (server/services/sessions/court-roll.ts). */

export const courtRollInputSchema = z
  .object({
    sessionId: z.number({ message: 'Zitting: onbekend nummer' }).int({ message: 'Zitting: onbekend nummer' }).positive({ message: 'Zitting: onbekend nummer' }).max(MAX_ROW_ID, { message: 'Zitting: onbekend nummer' }),
  })
  .strict();

export const courtRollRowSchema = z.object({
  /** 1, 2, 3, ... in the order the cases are heard. */
  order: z.number().int(),
  /** 'uu:mm' the case is expected to be called: the session's start plus the minutes of the cases before it. */
  time: z.string(),
  minutes: z.number().int(),
  caseId: z.number().int(),
  /** The case's version (for a bulk move or unplan from the roll: expectedVersion). */
  caseVersion: z.number().int(),
  parketnummer: z.string(),
  suspectName: z.string(),
  offence: z.string(),
  modality: z.enum(MODALITIES),
  lawyerName: z.string().nullable(),
  /** An interpreter is needed (the case has an 'interpreter' precondition that is not 'not needed'). */
  interpreterNeeded: z.boolean(),
  /** The interpreter is arranged (that precondition is met). */
  interpreterArranged: z.boolean(),
  /** The precondition's note (e.g. the language), when given; the schema keeps no separate language field. */
  interpreterNote: z.string().nullable(),
  /** Detained modality (supersnelrecht, snelrecht): the suspect is brought from custody. */
  detained: z.boolean(),
  /** For a detained case: the latest moment of the hearing (ISO instant, UTC), art. 59a/64/67a Sv; else null. */
  hardLimit: z.string().nullable(),
  hearingStatus: z.enum(HEARING_STATUSES),
});

export const courtRollSchema = z.object({
  districtName: z.string(),
  session: z.object({
    id: z.number().int(),
    date: localDateSchema,
    daypart: z.enum(DAYPARTS),
    startTime: z.string(),
    endTime: z.string(),
    sessionType: z.enum(SESSION_TYPES),
    status: z.enum(SESSION_STATUSES),
    locationName: z.string(),
    city: z.string(),
    courtroomName: z.string(),
    judgeName: z.string().nullable(),
    prosecutorName: z.string().nullable(),
    /** The schema keeps no clerk (griffier) per session yet: always null for now. */
    clerkName: z.string().nullable(),
  }),
  rows: z.array(courtRollRowSchema),
});

export type CourtRoll = z.infer<typeof courtRollSchema>;
export type CourtRollRow = z.infer<typeof courtRollRowSchema>;
