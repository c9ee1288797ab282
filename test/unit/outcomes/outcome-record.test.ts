import { describe, expect, it } from 'vitest';
import { outcomeCorrectionSchema, outcomeRecordSchema, resumeFromRefusal, UNKNOWN_SIGNALS, verdictOf } from '../../../shared/outcomes/outcome-record';

const fine = { kind: 'fine', amountCents: 30_000, hours: null, days: null, conditional: false, probationMonths: null, substituteDetentionDays: 6, description: null };
const decided = { hearingId: 1, outcome: 'decided', suspectPresent: true, decidedBy: 'mr. J. Jansen', verdict: 'sanctions', sanctions: [fine], conditions: null, signals: UNKNOWN_SIGNALS };

const messages = (input: unknown) => {
  const parsed = outcomeRecordSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the outcome record', () => {
  it.each([
    ['a judgment with a fine', decided, []],
    ['a judgment without sanctions', { ...decided, sanctions: [] }, ['sanctions: Vul minstens één straf of maatregel in, of kies vrijspraak, ontslag of schuldigverklaring zonder straf']],
    ['an acquittal', { ...decided, verdict: 'acquittal', sanctions: [] }, []],
    ['an acquittal with a fine', { ...decided, verdict: 'acquittal' }, ['sanctions: Bij vrijspraak, ontslag of schuldigverklaring zonder straf horen geen straffen: verwijder ze of kies "straf of maatregel"']],
    ['a judgment without a judge', { ...decided, decidedBy: '' }, ['decidedBy: Vul in wie de beslissing nam (naam rechter of officier)']],
    ['a judgment without presence', { ...decided, suspectPresent: undefined }, ['suspectPresent: Kies of de verdachte aanwezig was']],
    ['a judgment with an invalid sanction', { ...decided, sanctions: [{ ...fine, substituteDetentionDays: null }] }, ['sanctions.0.substituteDetentionDays: Geldboete: vervangende hechtenis (dagen) ontbreekt']],
    [
      'two sanctions, the second invalid',
      { ...decided, sanctions: [fine, { ...fine, kind: 'community_service', amountCents: null, hours: null }] },
      ['sanctions.1.hours: Straf 2, taakstraf: aantal uren ontbreekt'],
    ],
    ['a judgment with a bad moment', { ...decided, decidedAt: '15-06-2026 10:00' }, ['decidedAt: Geen geldig tijdstip (ISO-8601 met tijdzone)']],
    ['an adjournment', { hearingId: 1, outcome: 'adjourned', suspectPresent: null, reason: 'Tolk ontbrak', resumeFrom: '2026-07-01' }, []],
    ['an adjournment without a reason', { hearingId: 1, outcome: 'adjourned', suspectPresent: null, reason: '', resumeFrom: '2026-07-01' }, ['reason: Vul de reden van aanhouding in']],
    ['an adjournment without a date', { hearingId: 1, outcome: 'adjourned', suspectPresent: null, reason: 'Tolk ontbrak' }, ["resumeFrom: Vul de datum 'weer te plannen vanaf' in"]],
    ['an adjournment on 31 June', { hearingId: 1, outcome: 'adjourned', suspectPresent: null, reason: 'Tolk ontbrak', resumeFrom: '2026-06-31' }, ["resumeFrom: Geen geldige datum bij 'weer te plannen vanaf' (JJJJ-MM-DD)"]],
    ['not appeared', { hearingId: 1, outcome: 'not_appeared', reason: 'Niet verschenen' }, []],
    ['withdrawn without a reason', { hearingId: 1, outcome: 'withdrawn', reason: ' ' }, ['reason: Vul de reden van intrekking in']],
    ['an unknown outcome', { hearingId: 1, outcome: 'postponed' }, ['outcome: Kies de uitkomst: uitspraak, aangehouden, niet verschenen of ingetrokken']],
  ] as const)('%s', (_name, input, expected) => {
    expect(messages(input)).toEqual(expected);
  });

  it('needs a reason for a correction', () => {
    const parsed = outcomeCorrectionSchema.safeParse({ reason: '', record: decided, expectedVersion: 1 });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message)).toEqual(['Vul de reden van de correctie in']);
  });

  it.each([
    ['2026-06-14', '2026-06-15', true],
    ['2026-06-15', '2026-06-15', false],
    ['2026-07-01', '2026-06-15', false],
  ])('resume from %s on %s refused: %s', (resumeFrom, today, refused) => {
    expect(resumeFromRefusal(resumeFrom, today) !== null).toBe(refused);
  });

  it.each([
    [[{ kind: 'other_measure', description: 'Vrijspraak' }], 'acquittal'],
    [[{ kind: 'other_measure', description: 'Ontslag van alle rechtsvervolging' }], 'discharge'],
    [[{ kind: 'other_measure', description: 'Schuldigverklaring zonder oplegging van straf (art. 9a Sr)' }], 'guilty_no_punishment'],
    [[{ kind: 'other_measure', description: 'Onttrekking aan het verkeer' }], 'sanctions'],
    [[{ kind: 'fine', description: null }], 'sanctions'],
    [[{ kind: 'other_measure', description: 'Vrijspraak' }, { kind: 'fine', description: null }], 'sanctions'],
  ])('reads the verdict of %j as %s', (sanctions, verdict) => {
    expect(verdictOf(sanctions)).toBe(verdict);
  });
});
