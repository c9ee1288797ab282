import { describe, expect, it } from 'vitest';
import { contract, isOperationName, OPERATION_NAMES } from '../../../shared/api/contract';
import { isValidLocalDate } from '../../../shared/calendar/local-date';

describe('the API contract', () => {
  it('lists every operation once, each with an input and an output schema', () => {
    expect(OPERATION_NAMES).toEqual(Object.keys(contract));
    for (const name of OPERATION_NAMES) {
      expect(contract[name].input.safeParse).toBeTypeOf('function');
      expect(contract[name].output.safeParse).toBeTypeOf('function');
    }
  });

  it.each([
    ['sessions.week', true],
    ['toString', false],
    ['constructor', false],
    ['', false],
  ])('isOperationName(%j) is %s', (name, expected) => {
    expect(isOperationName(name)).toBe(expected);
  });

  it.each([
    ['2026-03-09', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-3-9', false],
    ['09-03-2026', false],
    ['2026-03-09T00:00', false],
  ])('isValidLocalDate(%s) is %s', (value, expected) => {
    expect(isValidLocalDate(value)).toBe(expected);
  });

  it('refuses the same room twice at one location and the same location twice', () => {
    const result = contract['district.create'].input.safeParse({
      code: 'AB',
      name: 'X',
      locations: [
        { name: 'Rechtbank', city: 'Stad', rooms: ['Zaal 1', 'zaal 1'] },
        { name: 'rechtbank', city: 'Stad', rooms: ['Zaal 1'] },
      ],
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['locations.0.rooms.1', "Zaal 'zaal 1' staat twee keer bij deze locatie"],
      ['locations.1.name', "Locatie 'rechtbank' staat er twee keer in"],
    ]);
  });

  it('gives Dutch messages for district creation mistakes', () => {
    const result = contract['district.create'].input.safeParse({ code: 'ab', name: ' ', locations: [] });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining(['code: Vul een code in van 2 tot 6 hoofdletters, bijvoorbeeld MNE', 'name: Vul de naam van het arrondissement in', 'locations: Minstens één zittingslocatie']),
    );
  });
});
