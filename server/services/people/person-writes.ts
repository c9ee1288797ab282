import { and, eq, gte, lte, or, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { courtrooms, courtSessions, personUnavailability, persons } from '../../../db/schema';
import type { PersonRole } from '../../../shared/domain/person';
import { PERSON_ROLE_LABELS } from '../../../shared/domain/person';
import { rangesOverlap, UNAVAILABILITY_REASON_LABELS, type UnavailabilityReason } from '../../../shared/rota/unavailability-reasons';
import { recordAudit } from '../audit';
import { firstRow, returnedRow } from '../context/query-results';

/** A database or a transaction: what the rota writes need. */
export type Tx = Pick<AppDatabase, 'select' | 'insert' | 'update' | 'delete'>;
export type PersonRow = typeof persons.$inferSelect;

/** The person with this name (spaces and case ignored) and role, if any. */
export async function findPerson(tx: Tx, name: string, role: PersonRole): Promise<PersonRow | undefined> {
  return firstRow(await tx
    .select()
    .from(persons)
    .where(and(sql`lower(${persons.name}) = lower(${name})`, eq(persons.role, role))));
}

export function duplicatePersonMessage(existing: Pick<PersonRow, 'name' | 'role' | 'active'>): string {
  const inactive = existing.active ? '' : ' (niet actief: maak die persoon weer actief in plaats van een nieuwe aan te maken)';
  return `Er staat al een ${PERSON_ROLE_LABELS[existing.role].toLowerCase()} met de naam '${existing.name}' op het rooster${inactive}.`;
}

export async function insertPerson(tx: Tx, person: { name: string; role: PersonRole }, actor: string, now: Date, details?: Record<string, unknown>): Promise<number> {
  const id = returnedRow(await tx.insert(persons).values({ name: person.name, role: person.role, active: true }).returning({ id: persons.id })).id;
  await recordAudit(tx, { actor, action: 'person.created', entityType: 'person', entityId: id, details: { name: person.name, role: person.role, ...details }, occurredAt: now.toISOString() });
  return id;
}

export interface Absence {
  fromDate: string;
  toDate: string;
  reason: UnavailabilityReason;
}

export function formatDutchDate(date: string): string {
  return date.split('-').reverse().join('-');
}

export function describeAbsence(a: { fromDate: string; toDate: string; reason: string }): string {
  const label = UNAVAILABILITY_REASON_LABELS[a.reason as UnavailabilityReason] ?? a.reason;
  const range = a.fromDate === a.toDate ? formatDutchDate(a.fromDate) : `${formatDutchDate(a.fromDate)} t/m ${formatDutchDate(a.toDate)}`;
  return `${range} (${label.toLowerCase()})`;
}

/** The person's stored absences that share a day with the given range. */
export async function overlappingAbsences(tx: Tx, personId: number, range: { fromDate: string; toDate: string }) {
  return (await tx
    .select()
    .from(personUnavailability)
    .where(and(eq(personUnavailability.personId, personId), lte(personUnavailability.fromDate, range.toDate), gte(personUnavailability.toDate, range.fromDate))))
    .filter((a) => rangesOverlap(a, range));
}

export async function insertAbsence(tx: Tx, personId: number, absence: Absence, actor: string, now: Date, details?: Record<string, unknown>): Promise<number> {
  const id = returnedRow(await tx
    .insert(personUnavailability)
    .values({ personId, fromDate: absence.fromDate, toDate: absence.toDate, reason: absence.reason, createdBy: actor })
    .returning({ id: personUnavailability.id })).id;
  await recordAudit(tx, { actor, action: 'person.unavailability_added', entityType: 'person', entityId: personId, details: { unavailabilityId: id, ...absence, ...details }, occurredAt: now.toISOString() });
  return id;
}

/** Scheduled sessions the person is on (as judge or prosecutor) within the dates. */
export async function sessionsOfPerson(tx: Tx, personId: number, range: { fromDate: string; toDate: string }) {
  return (await tx
    .select({ sessionId: courtSessions.id, date: courtSessions.date, room: courtrooms.name, judgeId: courtSessions.judgeId })
    .from(courtSessions)
    .innerJoin(courtrooms, eq(courtrooms.id, courtSessions.courtroomId))
    .where(
      and(
        eq(courtSessions.status, 'scheduled'),
        gte(courtSessions.date, range.fromDate),
        lte(courtSessions.date, range.toDate),
        or(eq(courtSessions.judgeId, personId), eq(courtSessions.prosecutorId, personId)),
      ),
    )
    .orderBy(courtSessions.date, courtSessions.startTime));
}
