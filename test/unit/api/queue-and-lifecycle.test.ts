import { describe, expect, it } from 'vitest';
import { urgencyOf } from '../../../server/services/queue/work-queue';
import { CASE_TRANSITIONS, canTransition, transitionRefusal } from '../../../shared/domain/case-lifecycle';
import { CASE_STATUSES } from '../../../shared/domain/case-status';
import { parseDutchDateTime } from '../../../shared/intake/dutch-datetime';

describe('urgencyOf', () => {
  it.each([
    [null, null, true, 'none'],
    [-1, -1, true, 'overdue'],
    [-1, 0, false, 'overdue'],
    [5, 0, true, 'urgent'],
    [30, 1, true, 'urgent'],
    [30, 1, false, 'soon'],
    [70, 3, true, 'soon'],
    [100, 4, true, 'normal'],
  ] as const)('%s hours / %s working days left, hard %s -> %s', (hours, days, hard, expected) => {
    expect(urgencyOf(hours, days, hard)).toBe(expected);
  });
});

describe('the case lifecycle', () => {
  it('knows every status, and final states allow nothing', () => {
    expect(Object.keys(CASE_TRANSITIONS).sort()).toEqual([...CASE_STATUSES].sort());
    expect(CASE_TRANSITIONS.completed).toEqual([]);
    expect(CASE_TRANSITIONS.withdrawn).toEqual([]);
  });

  it.each([
    ['intake', 'zsm_decided', true],
    ['intake', 'planned', false],
    ['zsm_decided', 'awaiting_planning', true],
    ['zsm_decided', 'completed', true],
    ['awaiting_planning', 'heard', false],
    ['planned', 'awaiting_planning', true],
    ['heard', 'decided', true],
    ['decided', 'awaiting_planning', false],
    ['returned_from_cjib', 'handed_to_cjib', true],
    ['completed', 'intake', false],
  ] as const)('%s -> %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
    expect(transitionRefusal(from, to) === null).toBe(allowed);
  });

  it('explains a refusal in Dutch with the allowed moves', () => {
    expect(transitionRefusal('intake', 'planned')).toBe(
      "Een zaak met status 'Instroom' kan niet naar 'Gepland'. Toegestaan: 'ZSM-beslissing genomen', 'Wacht op planning', 'Ingetrokken'.",
    );
    expect(transitionRefusal('completed', 'intake')).toContain('Deze status is definitief.');
  });
});

describe('Dutch date and time input around a clock change', () => {
  it.each([
    ['29-03-2026 02:30', false, 'bestaat niet'],
    ['25-10-2026 02:30', false, 'kwam twee keer voor'],
    ['2026-10-25T02:30:00+01:00', true, '2026-10-25T02:30:00+01:00'],
    ['29-03-2026 03:00', true, '2026-03-29T03:00:00+02:00'],
    ['25-10-2026 03:00', true, '2026-10-25T03:00:00+01:00'],
  ])('%s -> ok %s (%s)', (text, ok, expected) => {
    const result = parseDutchDateTime(text);
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.value).toBe(expected);
    else expect(result.message).toContain(expected);
  });

  it('suggests for an ambiguous hour a notation that is then accepted', () => {
    const result = parseDutchDateTime('25-10-2026 02:30');
    const suggestion = !result.ok && /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+02:00)/.exec(result.message)?.[1];
    expect(suggestion).toBe('2026-10-25T02:30:00+02:00');
    expect(parseDutchDateTime(suggestion as string)).toEqual({ ok: true, value: '2026-10-25T02:30:00+02:00' });
  });
});
