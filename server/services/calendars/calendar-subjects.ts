import type { AppDatabase } from '../../../db/open-database';
import type { CalendarSubject, CalendarSubjects } from '../../../shared/calendars/calendar-schemas';
import { isJudgeRole, type PersonRole } from '../../../shared/domain/person';
import { ServiceError } from '../service-error';
import { calendarWindow } from './calendar-window';
import { sqlRow, sqlRows } from '../context/query-results';

export interface CalendarSubjectRow extends CalendarSubject {
  name: string;
  /** 'van mr. A. de Vries (politierechter)', 'van zaal 1.12, Rechtbank Amsterdam'. */
  title: string;
  /** The Dutch word in the file name: rechter, officier, zaal. */
  fileKind: string;
  districtName: string;
  /** The district's code as it may stand in a UID (letters, digits and hyphens). */
  districtKey: string;
}

const ROLE_WORDS: Record<PersonRole, string> = { politierechter: 'politierechter', rc_politierechter: 'rc als politierechter', ovj: 'officier van justitie' };

/** The judge, prosecutor or courtroom of a calendar, or NOT_FOUND in Dutch. */
export async function findCalendarSubject(db: AppDatabase, subject: CalendarSubject): Promise<CalendarSubjectRow> {
  const district = await sqlRow(db.$client, 'select code, name from district order by id limit 1') as { code: string; name: string } | undefined;
  if (!district) throw new ServiceError('NOT_FOUND', 'Er is nog geen arrondissement: maak er eerst een aan of open de demo.');
  const base = { districtName: district.name, districtKey: district.code.toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'arrondissement' };
  if (subject.kind === 'courtroom') {
    const room = await sqlRow(db.$client, 'select r.id, r.name, l.name as location from courtroom r join court_location l on l.id = r.location_id where r.id = ?', [subject.id]) as { id: number; name: string; location: string } | undefined;
    if (!room) throw new ServiceError('NOT_FOUND', `Zittingszaal ${subject.id} bestaat niet: kies een zaal uit de lijst van agenda's.`);
    return { ...base, kind: 'courtroom', id: room.id, name: `${room.location} ${room.name}`, title: `van ${room.name}, ${room.location}`, fileKind: 'zaal' };
  }
  const person = await sqlRow(db.$client, 'select id, name, role from person where id = ?', [subject.id]) as { id: number; name: string; role: PersonRole } | undefined;
  const fits = person && (subject.kind === 'judge' ? isJudgeRole(person.role) : person.role === 'ovj');
  if (!person || !fits) {
    const who = subject.kind === 'judge' ? 'Rechter' : 'Officier van justitie';
    throw new ServiceError('NOT_FOUND', `${who} ${subject.id} staat niet in het rooster: kies iemand uit de lijst van agenda's.`);
  }
  return {
    ...base,
    kind: subject.kind,
    id: person.id,
    name: person.name,
    title: `van ${person.name} (${ROLE_WORDS[person.role]})`,
    fileKind: subject.kind === 'judge' ? 'rechter' : 'officier',
  };
}

/** Who and what has a calendar: every judge and prosecutor on the rota (active first) and every courtroom. */
export async function listCalendarSubjects(db: AppDatabase, today: string): Promise<CalendarSubjects> {
  const people = (
    // lower(): ASCII case folded on SQLite as `collate nocase` did; PostgreSQL has no nocase collation.
    await sqlRows(db.$client, 'select id, name, role, active from person order by active desc, lower(name), id') as {
      id: number;
      name: string;
      role: PersonRole;
      /** 0/1 on SQLite, a boolean on PostgreSQL. */
      active: number | boolean;
    }[]
  ).map((p) => ({ id: p.id, name: p.name, role: p.role, active: p.active === 1 || p.active === true }));
  const courtrooms = await sqlRows(db.$client, 'select r.id, r.name, l.name as location, l.city from courtroom r join court_location l on l.id = r.location_id order by lower(l.name), lower(r.name), r.id') as CalendarSubjects['courtrooms'];
  return {
    ...calendarWindow(today),
    judges: people.filter((p) => isJudgeRole(p.role)),
    prosecutors: people.filter((p) => p.role === 'ovj'),
    courtrooms,
  };
}
