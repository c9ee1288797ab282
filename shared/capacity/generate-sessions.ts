import type { CourtCalendar, HolidayEntry } from '../calendar/court-calendar';
import { addDays, dayOfWeek, isValidLocalDate, yearOf } from '../calendar/local-date';
import type { FillerKind, HeardModality } from '../domain/modality';
import { serializeList, type SessionStatus, type SessionType } from '../domain/session';
import { DAYPART_LABELS, WEEKDAY_NAMES } from './capacity-labels';
import { sessionsOverlap, type SessionTiming } from './session-overlap';

/** A recurring session pattern as the generator reads it (weekdays ISO: 1 = Monday ... 7 = Sunday). */
export interface GenerationTemplate extends SessionTiming {
  id: number;
  name: string;
  courtroomId: number;
  locationId: number;
  weekdays: readonly number[];
  sessionType: SessionType;
  capacitySlots: number;
  capacityMinutes: number;
  acceptedModalities: readonly HeardModality[];
  /** Empty = every kind (when filler is accepted). */
  acceptedFillerKinds: readonly FillerKind[];
  /** Also hears minors (art. 77a Sr ff.); absent = adults only. */
  acceptsMinors?: boolean | undefined;
  overbookingSlots: number;
  validFrom: string;
  validUntil: string | null;
  active: boolean;
}

/** A dated session already in the database, cancelled ones included (a cancellation is an exception to keep). */
export interface ExistingSession extends SessionTiming {
  id: number;
  courtroomId: number;
  date: string;
  templateId: number | null;
  /** The template's name, for the message when it blocks another pattern; null for an extra session. */
  templateName: string | null;
  status: SessionStatus;
  cancelReason: string | null;
}

export interface GenerationInput {
  templates: readonly GenerationTemplate[];
  calendar: Pick<CourtCalendar, 'isCourtDay' | 'holidaysInYear'>;
  /** Per location: closure date -> reason. */
  closures: ReadonlyMap<number, ReadonlyMap<string, string>>;
  existing: readonly ExistingSession[];
  /** The horizon, inclusive. */
  from: string;
  to: string;
}

export interface SessionToCreate extends SessionTiming {
  templateId: number;
  courtroomId: number;
  date: string;
  sessionType: SessionType;
  capacitySlots: number;
  capacityMinutes: number;
  /** Stored form (comma-separated). */
  acceptedModalities: string;
  acceptedFillerKinds: string;
  acceptsMinors: boolean;
  overbookingSlots: number;
}

export const SKIP_REASONS = ['non_court_day', 'location_closed', 'already_exists', 'cancelled', 'room_occupied'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface SkippedOccurrence extends SessionTiming {
  templateId: number;
  courtroomId: number;
  date: string;
  reason: SkipReason;
  /** Why, in Dutch, for the coordinator. */
  message: string;
}

export interface GenerationPlan {
  create: SessionToCreate[];
  skipped: SkippedOccurrence[];
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = dayOfWeek(date);
  return day === 0 ? 7 : day;
}

export function templateAppliesOn(template: GenerationTemplate, date: string): boolean {
  return (
    template.active &&
    date >= template.validFrom &&
    (template.validUntil === null || date <= template.validUntil) &&
    template.weekdays.includes(isoWeekday(date))
  );
}

/**
 * The dated sessions the active templates yield over the horizon, and every occurrence that is not
 * created with the reason why. Never a session on a non-court day or a closure day of the location;
 * a template yields at most one session per day; a cancelled session is never re-created; a room is
 * never given two overlapping sessions. Deterministic: dates ascending, templates by id (the older
 * pattern wins a room).
 */
export function generateSessions(input: GenerationInput): GenerationPlan {
  if (!isValidLocalDate(input.from) || !isValidLocalDate(input.to)) throw new RangeError(`Invalid horizon ${input.from} - ${input.to}`);
  const templates = [...input.templates].filter((t) => t.active).sort((a, b) => a.id - b.id);
  const holidays = holidayLookup(input.calendar);
  const existingByDay = groupBy(input.existing, (s) => s.date);
  const create: SessionToCreate[] = [];
  const skipped: SkippedOccurrence[] = [];

  for (let date = input.from; date <= input.to; date = addDays(date, 1)) {
    const existing = existingByDay.get(date) ?? [];
    const createdToday: { session: SessionToCreate; templateName: string }[] = [];
    for (const template of templates) {
      if (!templateAppliesOn(template, date)) continue;
      const occurrence = { templateId: template.id, courtroomId: template.courtroomId, date, daypart: template.daypart, startTime: template.startTime, endTime: template.endTime };
      const skip = (reason: SkipReason, message: string) => skipped.push({ ...occurrence, reason, message });

      if (!input.calendar.isCourtDay(date)) {
        skip('non_court_day', nonCourtDayMessage(date, holidays(date)));
        continue;
      }
      const closure = input.closures.get(template.locationId)?.get(date);
      if (closure !== undefined) {
        skip('location_closed', `Locatie gesloten: ${closure}`);
        continue;
      }
      const own = existing.find((s) => s.templateId === template.id);
      if (own) {
        if (own.status === 'cancelled') skip('cancelled', cancelledMessage(own));
        else skip('already_exists', 'Bestaat al: deze zitting is eerder aangemaakt');
        continue;
      }
      const inRoom = existing.filter((s) => s.courtroomId === template.courtroomId);
      // The database allows one session per room, day and daypart, cancelled or not.
      const sameSlotCancelled = inRoom.find((s) => s.status === 'cancelled' && s.daypart === template.daypart);
      if (sameSlotCancelled) {
        skip('cancelled', cancelledMessage(sameSlotCancelled));
        continue;
      }
      const blocking = inRoom.find((s) => s.status === 'scheduled' && sessionsOverlap(s, template));
      if (blocking) {
        skip('room_occupied', occupiedMessage(blocking.templateName === null ? 'een extra zitting' : `een zitting van patroon '${blocking.templateName}'`, blocking));
        continue;
      }
      const earlier = createdToday.find((c) => c.session.courtroomId === template.courtroomId && sessionsOverlap(c.session, template));
      if (earlier) {
        skip('room_occupied', occupiedMessage(`patroon '${earlier.templateName}'`, earlier.session));
        continue;
      }
      const session: SessionToCreate = {
        ...occurrence,
        sessionType: template.sessionType,
        capacitySlots: template.capacitySlots,
        capacityMinutes: template.capacityMinutes,
        acceptedModalities: serializeList(template.acceptedModalities),
        acceptedFillerKinds: serializeList(template.acceptedFillerKinds),
        acceptsMinors: template.acceptsMinors === true,
        overbookingSlots: template.overbookingSlots,
      };
      create.push(session);
      createdToday.push({ session, templateName: template.name });
    }
  }
  return { create, skipped };
}

function nonCourtDayMessage(date: string, holiday: HolidayEntry | undefined): string {
  if (holiday) return `Geen zittingsdag: ${holiday.name}${holiday.kind === 'equivalent' ? ' (met een feestdag gelijkgesteld)' : ' (feestdag)'}`;
  const weekday = isoWeekday(date);
  return weekday >= 6 ? `Geen zittingsdag: ${WEEKDAY_NAMES[weekday]}` : 'Geen zittingsdag';
}

function cancelledMessage(session: ExistingSession): string {
  const why = session.cancelReason ? ` (reden: ${session.cancelReason})` : '';
  return `Vervallen verklaard${why}: een vervallen zitting wordt niet opnieuw aangemaakt`;
}

function occupiedMessage(what: string, other: SessionTiming): string {
  return `Zaal al bezet door ${what} (${DAYPART_LABELS[other.daypart]} ${other.startTime}–${other.endTime})`;
}

function holidayLookup(calendar: GenerationInput['calendar']): (date: string) => HolidayEntry | undefined {
  const byYear = new Map<number, Map<string, HolidayEntry>>();
  return (date) => {
    const year = yearOf(date);
    let entries = byYear.get(year);
    if (!entries) {
      entries = new Map(calendar.holidaysInYear(year).map((h) => [h.date, h]));
      byYear.set(year, entries);
    }
    return entries.get(date);
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** How many occurrences were skipped per reason (every reason present, zero or more). */
export function countByReason(skipped: readonly SkippedOccurrence[]): Record<SkipReason, number> {
  const counts = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number>;
  for (const s of skipped) counts[s.reason] += 1;
  return counts;
}
