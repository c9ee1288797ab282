import { describe, expect, it } from 'vitest';
import { instantOf } from '../../../shared/calendar/amsterdam-time';
import { checkCompleteness, type CompletenessInput } from '../../../shared/cjib/completeness';
import type { SanctionFacts } from '../../../shared/cjib/sanction-rules';
import { computeDeadlines } from '../../../shared/deadlines/compute-deadlines';

const AFTER_TERM = instantOf('2026-05-01T10:00:00+02:00');
const judgmentDeadlines = computeDeadlines({ id: 'j', modality: 'snelrecht_nd', judgmentAt: '2026-04-01T10:00:00+02:00' });
const penaltyDeadlines = computeDeadlines({ id: 'p', modality: 'zsm', penaltyOrderDeliveredAt: '2026-04-01T10:00:00+02:00' });

const fine = (over: Partial<SanctionFacts> = {}): SanctionFacts => ({
  id: 1,
  kind: 'fine',
  amountCents: 45_000,
  hours: null,
  days: null,
  conditional: false,
  probationMonths: null,
  substituteDetentionDays: 9,
  description: null,
  ...over,
});
const sanction = (kind: SanctionFacts['kind'], over: Partial<SanctionFacts> = {}): SanctionFacts =>
  fine({ kind, amountCents: null, substituteDetentionDays: null, ...over });

function judgment(over: Partial<CompletenessInput> = {}, decision: Partial<CompletenessInput['decision']> = {}): CompletenessInput {
  return {
    parketnummer: '19/123456-26',
    caseStatus: 'decided',
    decision: {
      kind: 'judgment',
      decidedAt: '2026-04-01T08:00:00.000Z',
      decidedBy: 'mr. A. de Vries',
      suspectPresent: true,
      conditions: null,
      judgmentSignedAt: '2026-04-03T09:00:00.000Z',
      remedy: 'none',
      ...decision,
    },
    sanctions: [fine()],
    suspect: { fullName: 'Jan Jansen', dateOfBirth: '1990-02-03', summonsAddress: 'Dorpsstraat 1, 1234 AB Lelystad' },
    deadlines: judgmentDeadlines,
    now: AFTER_TERM,
    ...over,
  };
}

function penaltyOrder(sanctions: SanctionFacts[], over: Partial<CompletenessInput> = {}): CompletenessInput {
  return judgment(
    { caseStatus: 'zsm_decided', sanctions, deadlines: penaltyDeadlines, ...over },
    { kind: 'penalty_order', decidedBy: 'mr. B. Bakker (OvJ)', suspectPresent: null, judgmentSignedAt: null },
  );
}

describe('the completeness check before a decision goes to CJIB', () => {
  it('finds nothing in a complete, final judgment and in a complete, final penalty order', () => {
    expect(checkCompleteness(judgment())).toMatchObject({ problems: [], sendable: true, enforceability: { state: 'enforceable' } });
    expect(checkCompleteness(penaltyOrder([fine({ substituteDetentionDays: null })]))).toMatchObject({ problems: [], sendable: true });
  });

  const cases: [string, CompletenessInput, string[]][] = [
    ['fine without amount', judgment({ sanctions: [fine({ amountCents: null })] }), ['Geldboete: bedrag ontbreekt']],
    ['fine of zero', judgment({ sanctions: [fine({ amountCents: 0 })] }), ['Geldboete: bedrag ontbreekt']],
    ['judgment fine without substitute detention', judgment({ sanctions: [fine({ substituteDetentionDays: null })] }), ['Geldboete: vervangende hechtenis ontbreekt']],
    ['substitute detention over a year', judgment({ sanctions: [fine({ substituteDetentionDays: 366 })] }), ['Geldboete: vervangende hechtenis moet 1 tot en met 365 dagen zijn']],
    ['fine with hours', judgment({ sanctions: [fine({ hours: 10 })] }), ['Geldboete: uren of dagen horen niet bij een geldboete']],
    ['community service without hours', judgment({ sanctions: [sanction('community_service', { substituteDetentionDays: 20 })] }), ['Taakstraf: aantal uren ontbreekt of is meer dan 240']],
    ['community service of 241 hours', judgment({ sanctions: [sanction('community_service', { hours: 241, substituteDetentionDays: 120 })] }), ['Taakstraf: aantal uren ontbreekt of is meer dan 240']],
    ['penalty order community service over 180 hours', penaltyOrder([sanction('community_service', { hours: 200 })]), ['Taakstraf: aantal uren ontbreekt of is meer dan 180']],
    ['community service without substitute detention', judgment({ sanctions: [sanction('community_service', { hours: 40 })] }), ['Taakstraf: vervangende hechtenis ontbreekt']],
    ['community service with the wrong substitute detention', judgment({ sanctions: [sanction('community_service', { hours: 40, substituteDetentionDays: 40 })] }), ['Taakstraf: vervangende hechtenis moet 1 dag per 2 uur zijn (20 dagen)']],
    ['custodial without days', judgment({ sanctions: [sanction('custodial')] }), ['Vrijheidsstraf: duur in dagen ontbreekt']],
    ['custodial in a penalty order', penaltyOrder([sanction('custodial', { days: 10 })]), ['Vrijheidsstraf: een vrijheidsstraf kan niet bij een strafbeschikking']],
    ['conditional without probation', judgment({ sanctions: [sanction('custodial', { days: 30, conditional: true })] }), ['Vrijheidsstraf: voorwaardelijke straf zonder proeftijd']],
    ['probation on an unconditional sentence', judgment({ sanctions: [sanction('custodial', { days: 30, probationMonths: 24 })] }), ['Vrijheidsstraf: proeftijd ingevuld bij een onvoorwaardelijke straf']],
    ['conditional penalty order', penaltyOrder([fine({ conditional: true, probationMonths: 12, substituteDetentionDays: null })]), ['Geldboete: een strafbeschikking kan niet voorwaardelijk zijn']],
    ['compensation order without reference', judgment({ sanctions: [fine(), sanction('compensation_order', { id: 2, amountCents: 12_000 })] }), ['Schadevergoedingsmaatregel: referentie van het slachtoffer bij het CJIB ontbreekt']],
    ['other measure without description', judgment({ sanctions: [fine(), sanction('other_measure', { id: 2 })] }), ['Andere maatregel: omschrijving ontbreekt']],
    ['two fines, the second without amount', judgment({ sanctions: [fine(), fine({ id: 2, amountCents: null })] }), ['Geldboete 2: bedrag ontbreekt']],
    ['no sanction at all', judgment({ sanctions: [] }), ['Geen straf of maatregel vastgelegd']],
    ['conditions without a conditional sentence', judgment({}, { conditions: 'Meldplicht reclassering' }), ['Bijzondere voorwaarden zonder voorwaardelijke straf']],
    ['no address', judgment({ suspect: { fullName: 'Jan Jansen', dateOfBirth: '1990-02-03', summonsAddress: ' ' } }), ['Adres van de verdachte ontbreekt']],
    ['no name and a broken date of birth', judgment({ suspect: { fullName: '', dateOfBirth: '1990-02-30', summonsAddress: 'Dorpsstraat 1' } }), ['Naam van de verdachte ontbreekt', 'Geboortedatum van de verdachte ontbreekt of is ongeldig']],
    ['malformed parketnummer', judgment({ parketnummer: '19-123456-26' }), ['Parketnummer heeft niet de vorm 19/123456-26']],
    ['no judge', judgment({}, { decidedBy: '  ' }), ['Naam van de rechter ontbreekt']],
    ['presence not recorded', judgment({}, { suspectPresent: null }), ['Niet vastgelegd of de verdachte bij de uitspraak aanwezig was']],
    ['judgment not signed', judgment({}, { judgmentSignedAt: null }), ['Uitspraak is nog niet getekend (rechtbank -> OM)']],
    ['appeal filed', judgment({}, { remedy: 'appeal' }), ['Rechtsmiddel ingesteld: niet onherroepelijk']],
    ['verzet against a judgment', judgment({}, { remedy: 'verzet' }), ['Rechtsmiddel verzet past niet bij een vonnis (hoger beroep)', 'Rechtsmiddel ingesteld: niet onherroepelijk']],
    ['appeal term still running', judgment({ now: instantOf('2026-04-10T12:00:00+02:00') }), ['Nog niet onherroepelijk: hoger beroep mogelijk tot wo 15 apr']],
    ['on the last day of the appeal term', judgment({ now: instantOf('2026-04-15T23:59:00+02:00') }), ['Nog niet onherroepelijk: hoger beroep mogelijk tot wo 15 apr']],
    ['verzet term still running', penaltyOrder([fine({ substituteDetentionDays: null })], { now: instantOf('2026-04-02T12:00:00+02:00') }), ['Nog niet onherroepelijk: verzet mogelijk tot wo 15 apr']],
    ['no judgment time on the case', judgment({ deadlines: {} }), ['Datum van de uitspraak ontbreekt bij de zaak: de appeltermijn is niet te berekenen']],
    ['no delivery time of the penalty order', penaltyOrder([fine({ substituteDetentionDays: null })], { deadlines: {} }), ['Datum van uitreiking van de strafbeschikking ontbreekt bij de zaak: de verzettermijn is niet te berekenen']],
    ['case not decided yet', judgment({ caseStatus: 'heard' }), ["De zaak heeft status 'Behandeld': overdracht aan het CJIB kan pas na de beslissing"]],
  ];

  it.each(cases)('%s', (_name, input, expected) => {
    const result = checkCompleteness(input);
    expect(result.problems.map((p) => p.message)).toEqual(expected);
    expect(result.sendable).toBe(false);
  });

  it('lists every problem at once, each with the return code CJIB would use', () => {
    const result = checkCompleteness(
      judgment(
        { suspect: { fullName: 'Jan Jansen', dateOfBirth: '1990-02-03', summonsAddress: null }, sanctions: [fine({ amountCents: null, substituteDetentionDays: null })] },
        { judgmentSignedAt: null },
      ),
    );
    expect(result.problems.map((p) => [p.code, p.message])).toEqual([
      ['R01', 'Adres van de verdachte ontbreekt'],
      ['R02', 'Geldboete: bedrag ontbreekt'],
      ['R03', 'Geldboete: vervangende hechtenis ontbreekt'],
      ['R99', 'Uitspraak is nog niet getekend (rechtbank -> OM)'],
    ]);
  });

  it('marks only the running term as a problem that time solves', () => {
    const running = checkCompleteness(judgment({ now: instantOf('2026-04-10T12:00:00+02:00') }, { judgmentSignedAt: null }));
    expect(running.problems.map((p) => p.timing)).toEqual([false, true]);
    expect(running.enforceability).toMatchObject({ state: 'term_running', termLastDay: '2026-04-15' });
  });

  it('makes a decision enforceable at the first moment after its remedy term', () => {
    const justAfter = checkCompleteness(judgment({ now: instantOf('2026-04-16T00:00:00+02:00') }));
    expect(justAfter.enforceability).toEqual({ state: 'enforceable', enforceableAt: instantOf('2026-04-16T00:00:00+02:00'), termLastDay: '2026-04-15' });
  });
});
