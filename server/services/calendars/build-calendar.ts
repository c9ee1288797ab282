import ical, { ICalCalendarMethod, ICalEventBusyStatus, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { AppDatabase } from '../../../db/open-database';
import { fromAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import { dutchDate, HEARD_MODALITY_LABELS, SESSION_TYPE_LABELS } from '../../../shared/capacity/capacity-labels';
import type { CalendarFile, CalendarSubject } from '../../../shared/calendars/calendar-schemas';
import type { Daypart, SessionStatus, SessionType } from '../../../shared/domain/session';
import { sessionOccupancy } from '../sessions/session-occupancy';
import { findCalendarSubject, type CalendarSubjectRow } from './calendar-subjects';
import { CALENDAR_WEEKS_AHEAD, CALENDAR_WEEKS_BACK, calendarWindow } from './calendar-window';
import { sqlRows } from '../context/query-results';

/** How often a subscribed client should fetch the calendar again (REFRESH-INTERVAL, RFC 7986). */
const REFRESH_HOURS = 1;

interface SessionRow {
  id: number;
  version: number;
  date: string;
  daypart: Daypart;
  startTime: string;
  endTime: string;
  sessionType: SessionType;
  status: SessionStatus;
  capacitySlots: number;
  room: string;
  location: string;
  city: string;
  judgeName: string | null;
  prosecutorName: string | null;
}

/**
 * The calendar of a judge, a prosecutor or a courtroom as an iCalendar file (RFC 5545), written by
 * ical-generator (escaping and line folding per RFC 5545 section 3.1 and 3.3.11). One VEVENT per
 * session in the window, cancelled ones included with STATUS:CANCELLED so subscribed calendars drop
 * them. Times in UTC (the session's Europe/Amsterdam wall-clock time converted with the offset of that
 * day, so both clock changes are right). The UID comes from the district and the session id, so
 * importing the file again updates an event instead of doubling it; SEQUENCE is the session's version.
 *
 * Data minimisation (AVG art. 5 lid 1 onder c): the file leaves the app, so it names no suspect, no
 * parketnummer and no reason of a cancellation; only counts of planned cases and reserved slots.
 */
export async function buildCalendar(db: AppDatabase, subject: CalendarSubject, clock: { now(): Date; today(): string }): Promise<CalendarFile> {
  const found = await findCalendarSubject(db, subject);
  const now = clock.now();
  const { from, to } = calendarWindow(clock.today());
  const sessions = await sessionsOf(db, found, from, to);
  const occupancy = await sessionOccupancy(db, sessions);

  const calendar = ical({
    prodId: { company: 'Ketenplanner', product: 'Zittingsagenda', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
    name: `Zittingen ${found.title}`,
    description:
      `Zittingen ${found.title} (${found.districtName}) van ${dutchDate(from)} tot en met ${dutchDate(to)}: ` +
      `${CALENDAR_WEEKS_BACK} weken terug tot ${CALENDAR_WEEKS_AHEAD} weken vooruit, gemaakt ${formatStamp(now)}. ` +
      'Zonder namen van verdachten; vervallen zittingen staan erin als geannuleerd.',
    ttl: REFRESH_HOURS * 3600,
  });

  for (const session of sessions) {
    const places = occupancy.get(session.id);
    const cancelled = session.status === 'cancelled';
    const [startHour, startMinute] = hourMinute(session.startTime);
    const [endHour, endMinute] = hourMinute(session.endTime);
    const typeLabel = SESSION_TYPE_LABELS[session.sessionType];
    const lines = [
      `Zitting: ${typeLabel}`,
      `Plaats: ${session.location}, ${session.room}`,
      `Politierechter: ${session.judgeName ?? 'nog niet ingedeeld'}`,
      `Officier van justitie: ${session.prosecutorName ?? 'nog niet ingedeeld'}`,
      cancelled ? 'Deze zitting vervalt.' : `Geplande zaken: ${places?.booked ?? 0} van ${session.capacitySlots} plaatsen`,
    ];
    if (found.kind === 'prosecutor' && places?.reservation) {
      for (const r of places.reservation.reservations) {
        const what = `${r.slots} ${r.slots === 1 ? 'plaats' : 'plaatsen'} ${HEARD_MODALITY_LABELS[r.modality]}`;
        const fill = places.reservation.fill.get(r.id);
        lines.push(
          r.releasedAt
            ? `Reservering OM: ${what}, vrijgegeven${r.releasedSlots ? ` (${r.releasedSlots} niet gevuld)` : ''}`
            : `Reservering OM: ${what}, ${fill?.filled ?? 0} gevuld, vrijgave op ${dutchDate(r.releaseDueOn)}`,
        );
      }
    }
    calendar.createEvent({
      id: `zitting-${session.id}.${found.districtKey}@ketenplanner`,
      sequence: session.version,
      stamp: now,
      start: new Date(fromAmsterdamLocal(session.date, startHour, startMinute)),
      end: new Date(fromAmsterdamLocal(session.date, endHour, endMinute)),
      summary: `${cancelled ? 'Vervallen: ' : ''}${typeLabel}, ${session.room} (${session.location})`,
      location: `${session.room}, ${session.location}, ${session.city}`,
      description: lines.join('\n'),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      busystatus: cancelled ? ICalEventBusyStatus.FREE : ICalEventBusyStatus.BUSY,
      transparency: cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    });
  }

  return {
    fileName: `agenda-${found.fileKind}-${slug(found.name)}-${found.id}.ics`,
    mimeType: 'text/calendar',
    // RFC 5545 section 3.4: every content line ends in CRLF, END:VCALENDAR too (ical-generator leaves the last one off).
    content: `${calendar.toString()}\r\n`,
    eventCount: sessions.length,
    from,
    to,
  };
}

async function sessionsOf(db: AppDatabase, subject: CalendarSubjectRow, from: string, to: string): Promise<SessionRow[]> {
  const column = subject.kind === 'judge' ? 's.judge_id' : subject.kind === 'prosecutor' ? 's.prosecutor_id' : 's.courtroom_id';
  return await sqlRows(db.$client, `select s.id, s.version, s.date, s.daypart, s.start_time as "startTime", s.end_time as "endTime", s.session_type as "sessionType", s.status,
              s.capacity_slots as "capacitySlots", r.name as room, l.name as location, l.city, j.name as "judgeName", p.name as "prosecutorName"
       from court_session s join courtroom r on r.id = s.courtroom_id join court_location l on l.id = r.location_id
       left join person j on j.id = s.judge_id left join person p on p.id = s.prosecutor_id
       where ${column} = ? and s.date between ? and ? order by s.date, s.start_time, s.id`, [subject.id, from, to]) as SessionRow[];
}

function hourMinute(time: string): [number, number] {
  const [hour = '0', minute = '0'] = time.split(':');
  return [Number(hour), Number(minute)];
}

/** '15 juni 2026 09:30' in Amsterdam time, for the calendar's description. */
function formatStamp(now: Date): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' }).format(now);
}

/** A file-name-safe form of a name: 'mr. A. de Vries' -> 'mr-a-de-vries'. */
function slug(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return plain || 'agenda';
}
