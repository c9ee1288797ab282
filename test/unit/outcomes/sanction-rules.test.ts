import { describe, expect, it } from 'vitest';
import {
  sanctionIssues,
  suggestedCommunityServiceSubstituteDetention,
  suggestedFineSubstituteDetention,
  type SanctionInput,
} from '../../../shared/outcomes/sanction-rules';

const empty = { amountCents: null, hours: null, days: null, conditional: false, probationMonths: null, substituteDetentionDays: null, description: null };
const s = (over: Partial<SanctionInput> & Pick<SanctionInput, 'kind'>): SanctionInput => ({ ...empty, ...over });

describe('sanction rules', () => {
  it.each([
    ['fine, complete', s({ kind: 'fine', amountCents: 45_000, substituteDetentionDays: 9 }), 'judgment', []],
    ['fine without amount', s({ kind: 'fine', substituteDetentionDays: 9 }), 'judgment', ['Geldboete: bedrag ontbreekt']],
    ['fine of zero', s({ kind: 'fine', amountCents: 0, substituteDetentionDays: 1 }), 'judgment', ['Geldboete: bedrag moet tussen € 0,01 en € 1.000.000 liggen']],
    ['fine above a million', s({ kind: 'fine', amountCents: 100_000_001, substituteDetentionDays: 365 }), 'judgment', ['Geldboete: bedrag moet tussen € 0,01 en € 1.000.000 liggen']],
    ['fine without substitute detention', s({ kind: 'fine', amountCents: 30_000 }), 'judgment', ['Geldboete: vervangende hechtenis (dagen) ontbreekt']],
    ['penalty-order fine without substitute detention', s({ kind: 'fine', amountCents: 30_000 }), 'penalty_order', []],
    ['fine with 366 days substitute', s({ kind: 'fine', amountCents: 3_000_000, substituteDetentionDays: 366 }), 'judgment', ['Geldboete: vervangende hechtenis moet tussen 1 en 365 dagen liggen']],
    ['fine with hours', s({ kind: 'fine', amountCents: 10_000, substituteDetentionDays: 2, hours: 20 }), 'judgment', ['Geldboete: een aantal uren hoort niet bij deze soort; laat het leeg']],
    ['community service 240 hours', s({ kind: 'community_service', hours: 240, substituteDetentionDays: 120 }), 'judgment', []],
    ['community service 241 hours', s({ kind: 'community_service', hours: 241, substituteDetentionDays: 120 }), 'judgment', ['Taakstraf: aantal uren moet tussen 1 en 240 liggen']],
    ['penalty order 181 hours', s({ kind: 'community_service', hours: 181 }), 'penalty_order', ['Taakstraf: aantal uren moet tussen 1 en 180 liggen (strafbeschikking)']],
    ['community service without hours', s({ kind: 'community_service', substituteDetentionDays: 10 }), 'judgment', ['Taakstraf: aantal uren ontbreekt']],
    ['community service 121 substitute days', s({ kind: 'community_service', hours: 240, substituteDetentionDays: 121 }), 'judgment', ['Taakstraf: vervangende hechtenis moet tussen 1 en 120 dagen liggen']],
    ['custodial 365 days', s({ kind: 'custodial', days: 365 }), 'judgment', []],
    ['custodial 366 days', s({ kind: 'custodial', days: 366 }), 'judgment', ['Vrijheidsstraf: aantal dagen moet tussen 1 en 365 liggen (politierechter: ten hoogste een jaar)']],
    ['conditional custodial without probation', s({ kind: 'custodial', days: 30, conditional: true }), 'judgment', ['Vrijheidsstraf: voorwaardelijk opgelegd zonder proeftijd']],
    ['conditional custodial, 37 months', s({ kind: 'custodial', days: 30, conditional: true, probationMonths: 37 }), 'judgment', ['Vrijheidsstraf: proeftijd moet tussen 1 en 36 maanden liggen']],
    ['conditional custodial, 24 months', s({ kind: 'custodial', days: 30, conditional: true, probationMonths: 24 }), 'judgment', []],
    ['probation without conditional', s({ kind: 'custodial', days: 30, probationMonths: 24 }), 'judgment', ['Vrijheidsstraf: een proeftijd hoort alleen bij een voorwaardelijke straf']],
    ['custodial in a penalty order', s({ kind: 'custodial', days: 10 }), 'penalty_order', ['Vrijheidsstraf: een strafbeschikking kan geen vrijheidsstraf opleggen (art. 257a Sv)']],
    ['compensation order', s({ kind: 'compensation_order', amountCents: 12_500, description: 'SHN-2026-0042' }), 'judgment', []],
    ['compensation order without victim reference', s({ kind: 'compensation_order', amountCents: 12_500 }), 'judgment', ['Schadevergoedingsmaatregel: kenmerk van het slachtoffer (omschrijving) ontbreekt']],
    ['conditional compensation order', s({ kind: 'compensation_order', amountCents: 100, description: 'X', conditional: true, probationMonths: 12 }), 'judgment', ['Schadevergoedingsmaatregel: kan niet voorwaardelijk worden opgelegd']],
    ['other measure', s({ kind: 'other_measure', description: 'Onttrekking aan het verkeer' }), 'judgment', []],
    ['other measure without description', s({ kind: 'other_measure' }), 'judgment', ['Andere maatregel of beslissing: omschrijving ontbreekt']],
  ] as const)('%s', (_name, sanction, kind, expected) => {
    expect(sanctionIssues(sanction, kind).map((i) => i.message)).toEqual(expected);
  });

  it.each([
    [1, 1],
    [5_000, 1],
    [5_001, 2],
    [45_000, 9],
    [1_000_000, 200],
    [100_000_000, 365],
  ])('suggests %i cents of fine -> %i days substitute detention (one per started € 50)', (cents, days) => {
    expect(suggestedFineSubstituteDetention(cents)).toBe(days);
  });

  it.each([
    [0, null],
    [-100, null],
    [12.5, null],
  ])('suggests nothing for an amount of %s', (cents, expected) => {
    expect(suggestedFineSubstituteDetention(cents)).toBe(expected);
  });

  it.each([
    [1, 1],
    [40, 20],
    [41, 21],
    [240, 120],
    [0, null],
  ])('suggests %i hours of community service -> %s days', (hours, days) => {
    expect(suggestedCommunityServiceSubstituteDetention(hours)).toBe(days);
  });
});
