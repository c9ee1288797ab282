import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { CapacitySession, CapacityTemplate } from '../../../shared/capacity/capacity-schemas';
import { parseWeekdays } from '../../../shared/capacity/capacity-rules';
import { SLOT_OCCUPYING_HEARING_STATUSES } from '../../../shared/domain/slot-occupancy';
import { parseAcceptedFillerKinds, parseAcceptedModalities } from '../../../shared/domain/session';
import type { AppDatabase } from '../../../db/open-database';
import { courtLocations, courtrooms, courtSessions, criminalCases, hearings, sessionTemplates } from '../../../db/schema';
import { bookedCountOf } from '../sessions/session-occupancy';

/** What the capacity services read and write with: the database or a transaction on it. */
export type CapacityDb = Pick<AppDatabase, 'select' | 'insert' | 'update' | 'delete'>;

type TemplateRow = typeof sessionTemplates.$inferSelect;

export function templateFromRow(row: TemplateRow): CapacityTemplate {
  const kinds = parseAcceptedFillerKinds(row.acceptedFillerKinds);
  return {
    id: row.id,
    version: row.version,
    courtroomId: row.courtroomId,
    name: row.name,
    weekdays: parseWeekdays(row.weekdays),
    daypart: row.daypart,
    startTime: row.startTime,
    endTime: row.endTime,
    sessionType: row.sessionType,
    capacitySlots: row.capacitySlots,
    capacityMinutes: row.capacityMinutes,
    overbookingSlots: row.overbookingSlots,
    acceptedModalities: [...parseAcceptedModalities(row.acceptedModalities, row.sessionType)],
    acceptedFillerKinds: kinds === 'all' ? [] : [...kinds],
    acceptsMinors: row.acceptsMinors,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    active: row.active,
  };
}

export interface RoomPlace {
  roomId: number;
  roomName: string;
  locationId: number;
  locationName: string;
}

export async function roomPlaces(db: CapacityDb): Promise<Map<number, RoomPlace>> {
  const rows = (await db
    .select({ roomId: courtrooms.id, roomName: courtrooms.name, locationId: courtLocations.id, locationName: courtLocations.name })
    .from(courtrooms)
    .innerJoin(courtLocations, eq(courtLocations.id, courtrooms.locationId)));
  return new Map(rows.map((r) => [r.roomId, r]));
}

const bookedCount = bookedCountOf(courtSessions.id);

/** Sessions with their room, location and number of booked cases, in date and time order. */
export async function selectSessions(db: CapacityDb, where: SQL | undefined): Promise<CapacitySession[]> {
  const rows = (await db
    .select({ session: courtSessions, roomName: courtrooms.name, locationName: courtLocations.name, booked: bookedCount })
    .from(courtSessions)
    .innerJoin(courtrooms, eq(courtrooms.id, courtSessions.courtroomId))
    .innerJoin(courtLocations, eq(courtLocations.id, courtrooms.locationId))
    .where(where)
    .orderBy(asc(courtSessions.date), asc(courtSessions.startTime), asc(courtLocations.id), asc(courtrooms.id)));
  return rows.map(({ session, roomName, locationName, booked }) => {
    const kinds = parseAcceptedFillerKinds(session.acceptedFillerKinds);
    return {
      id: session.id,
      version: session.version,
      courtroomId: session.courtroomId,
      roomName,
      locationName,
      date: session.date,
      daypart: session.daypart,
      startTime: session.startTime,
      endTime: session.endTime,
      sessionType: session.sessionType,
      status: session.status,
      cancelReason: session.cancelReason,
      capacitySlots: session.capacitySlots,
      capacityMinutes: session.capacityMinutes,
      overbookingSlots: session.overbookingSlots,
      acceptedModalities: [...parseAcceptedModalities(session.acceptedModalities, session.sessionType)],
      acceptedFillerKinds: kinds === 'all' ? [] : [...kinds],
      acceptsMinors: session.acceptsMinors,
      templateId: session.templateId,
      booked: Number(booked),
    };
  });
}

export async function sessionById(db: CapacityDb, sessionId: number): Promise<CapacitySession | undefined> {
  return (await selectSessions(db, eq(courtSessions.id, sessionId)))[0];
}

export interface PlannedCase {
  caseId: number;
  parketnummer: string;
  modality: string;
  fillerKind: string | null;
}

/** The cases with a hearing that takes a slot on the session (planned or already held). */
export async function casesOnSession(db: CapacityDb, sessionId: number): Promise<PlannedCase[]> {
  return (await db
    .select({ caseId: criminalCases.id, parketnummer: criminalCases.parketnummer, modality: criminalCases.modality, fillerKind: criminalCases.fillerKind })
    .from(hearings)
    .innerJoin(criminalCases, eq(criminalCases.id, hearings.caseId))
    .where(and(eq(hearings.sessionId, sessionId), inArray(hearings.status, [...SLOT_OCCUPYING_HEARING_STATUSES])))
    .orderBy(asc(criminalCases.parketnummer)));
}

/** 'a, b, c en 4 andere' for a message about cases. */
export function listCases(cases: readonly { parketnummer: string }[], max = 10): string {
  const names = cases.map((c) => c.parketnummer);
  if (names.length <= max) return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} en ${names.length - max} andere`;
}
