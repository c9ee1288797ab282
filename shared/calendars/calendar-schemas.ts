import { z } from 'zod';
import { localDateSchema } from '../api/local-date';
import { PERSON_ROLES } from '../domain/person';

/**
 * Calendars (issue 15 item 6): an ICS file (RFC 5545) per judge, prosecutor and courtroom with their
 * sessions, built on request from the rota, so it is up to date after every change.
 */

export const CALENDAR_SUBJECT_KINDS = ['judge', 'prosecutor', 'courtroom'] as const;
export type CalendarSubjectKind = (typeof CALENDAR_SUBJECT_KINDS)[number];

export const calendarSubjectSchema = z
  .object({
    kind: z.enum(CALENDAR_SUBJECT_KINDS, { message: 'Kies rechter, officier van justitie of zittingszaal' }),
    id: z.number({ message: 'Kies voor wie de agenda is' }).int().positive().max(2_147_483_647),
  })
  .strict();
export type CalendarSubject = z.infer<typeof calendarSubjectSchema>;

export const calendarGetInputSchema = z.object({ subject: calendarSubjectSchema }).strict();

export const calendarFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.literal('text/calendar'),
  /** The iCalendar text (CRLF line ends, folded at 75 octets). */
  content: z.string(),
  eventCount: z.number().int(),
  /** The window of sessions in the file (Europe/Amsterdam dates, inclusive). */
  from: localDateSchema,
  to: localDateSchema,
});
export type CalendarFile = z.infer<typeof calendarFileSchema>;

const personSubjectSchema = z.object({ id: z.number().int(), name: z.string(), role: z.enum(PERSON_ROLES), active: z.boolean() });

export const calendarSubjectsSchema = z.object({
  from: localDateSchema,
  to: localDateSchema,
  judges: z.array(personSubjectSchema),
  prosecutors: z.array(personSubjectSchema),
  courtrooms: z.array(z.object({ id: z.number().int(), name: z.string(), location: z.string(), city: z.string() })),
});
export type CalendarSubjects = z.infer<typeof calendarSubjectsSchema>;

