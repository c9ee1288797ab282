import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { createCourtCalendar } from '../../../shared/calendar/court-calendar';
import { atwHolidays, defaultEquivalentDays } from '../../../shared/calendar/dutch-holidays';
import { easterSunday } from '../../../shared/calendar/easter';
import { addDays, dayOfWeek } from '../../../shared/calendar/local-date';

/*
 * The court calendar checked against an independent source, the date-holidays library (NL data),
 * for every year 2000-2100. The oracle classifies days by labour practice, the Atw by law, so the
 * mapping is explicit:
 * - Bevrijdingsdag (5 May): the oracle types it 'school' because most collective agreements give the
 *   day off only every fifth year; art. 3 lid 1 Atw lists "de vijfde mei" every year. We match it by
 *   name, whatever its type.
 * - Koninginnedag before 2014: the oracle moves 30 April to Saturday 29 April when the 30th is a
 *   Sunday (1980-2013). Art. 3 Atw names "the day on which the monarch's birthday is celebrated",
 *   which in those years (2000, 2006) was that Saturday, so oracle and Atw agree; asserted below.
 * - Pasen and Pinksteren (Easter Sunday, Whit Sunday) are 'public' in the oracle, but art. 3 Atw only
 *   names the second days; the first days are Sundays anyway. Asserted to be Sundays.
 * - Goede Vrijdag is in the oracle (type 'school'); the Friday after Hemelvaartsdag is not, so it is
 *   derived from the oracle's Hemelvaartsdag. Both are our default equivalent days.
 */
const oracle = new Holidays('NL');
const calendar = createCourtCalendar();
const YEARS = Array.from({ length: 101 }, (_, index) => 2000 + index);

function oracleDates(year: number): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const holiday of oracle.getHolidays(year, 'nl')) {
    const list = byName.get(holiday.name) ?? [];
    list.push(holiday.date.slice(0, 10));
    byName.set(holiday.name, list);
  }
  return byName;
}

function single(byName: Map<string, string[]>, name: string, year: number): string {
  const dates = byName.get(name);
  if (dates?.length !== 1 || dates[0] === undefined) {
    throw new Error(`oracle has ${dates?.length ?? 0} entries named ${name} in ${year}`);
  }
  return dates[0];
}

describe.each(YEARS)('year %i', (year) => {
  it('matches the oracle for Easter, the Atw list and the default equivalent days', () => {
    const byName = oracleDates(year);
    const kingsDayName = year >= 2014 ? 'Koningsdag' : 'Koninginnedag';

    expect(easterSunday(year)).toBe(single(byName, 'Pasen', year));

    const expectedAtw = [
      single(byName, 'Nieuwjaar', year),
      single(byName, 'Tweede paasdag', year),
      single(byName, kingsDayName, year),
      single(byName, 'Bevrijdingsdag', year),
      single(byName, 'Hemelvaartsdag', year),
      single(byName, 'Tweede pinksterdag', year),
      single(byName, 'Kerstmis', year),
      single(byName, 'Tweede kerstdag', year),
    ].sort();
    expect(atwHolidays(year).map((entry) => entry.date)).toEqual(expectedAtw);

    const expectedEquivalent = [single(byName, 'Goede Vrijdag', year), addDays(single(byName, 'Hemelvaartsdag', year), 1)];
    expect(defaultEquivalentDays(year).map((entry) => entry.date)).toEqual(expectedEquivalent);

    const expectedAll = [...new Set([...expectedAtw, ...expectedEquivalent])].sort();
    expect(calendar.holidaysInYear(year).map((entry) => entry.date)).toEqual(expectedAll);

    // Every oracle 'public' holiday is an Atw day or a Sunday the Atw does not need to name.
    for (const holiday of oracle.getHolidays(year, 'nl').filter((entry) => entry.type === 'public')) {
      const date = holiday.date.slice(0, 10);
      if (!expectedAtw.includes(date)) {
        expect([holiday.name, dayOfWeek(date)]).toEqual([expect.stringMatching(/^(Pasen|Pinksteren)$/), 0]);
        expect(calendar.isWorkingDay(date)).toBe(false);
      }
    }
  });
});

describe('oracle differences handled explicitly', () => {
  it.each([
    [2000, '2000-04-29'],
    [2006, '2006-04-29'],
  ])('Koninginnedag %i: 30 April was a Sunday, celebrated (and Atw day) on Saturday %s', (year, date) => {
    expect(single(oracleDates(year), 'Koninginnedag', year)).toBe(date);
    expect(calendar.isHoliday(date)).toBe(true);
    expect(calendar.isHoliday(`${year}-04-30`)).toBe(false);
  });

  it('5 May is a holiday every year although the oracle does not type it public', () => {
    const types = new Set(
      YEARS.map((year) => oracle.getHolidays(year, 'nl').find((entry) => entry.name === 'Bevrijdingsdag')?.type),
    );
    expect(types).toEqual(new Set(['school']));
    expect(YEARS.every((year) => calendar.isHoliday(`${year}-05-05`))).toBe(true);
  });
});
