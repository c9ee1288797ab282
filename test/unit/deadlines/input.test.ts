import { describe, expect, it } from 'vitest';
import {
  deadlineInputSchema,
  describeDeadlineInputIssues,
  parseDeadlineInput,
  parseDeadlineInputList,
} from '../../../shared/deadlines/input';

const VALID = {
  id: 'PN-2026-001',
  modality: 'snelrecht',
  arrestedAt: '2026-04-10T10:00:00+02:00',
  custodyOrderedAt: '2026-04-10T16:00:00+02:00',
  custodyExtendedAt: '2026-04-13T09:00:00+02:00',
  remandOrderedAt: '2026-04-13T15:00:00+02:00',
  summonsServedAt: '2026-04-14T10:00:00+02:00',
  judgmentAt: '2026-04-24T11:00:00+02:00',
  penaltyOrderDeliveredAt: '2026-04-11T10:00:00+02:00',
  shortTermConsent: false,
};

describe('deadlineInputSchema', () => {
  it('accepts a complete case and a minimal one', () => {
    expect(deadlineInputSchema.parse(VALID)).toEqual(VALID);
    expect(deadlineInputSchema.parse({ id: 'A', modality: 'filler' })).toEqual({ id: 'A', modality: 'filler' });
    expect(deadlineInputSchema.safeParse({ ...VALID, arrestedAt: '2026-04-10T08:00:00Z' }).success).toBe(true);
  });

  it.each([
    ['a timestamp without offset', { arrestedAt: '2026-04-10T10:00:00' }, 'arrestedAt', 'heeft geen tijdzone-offset'],
    ['a date only', { judgmentAt: '2026-04-24' }, 'judgmentAt', 'geen ISO-8601-tijdstip met offset'],
    ['a non-existent date', { summonsServedAt: '2026-02-30T10:00:00+01:00' }, 'summonsServedAt', 'bestaat niet'],
    ['a year outside 2000-2099', { penaltyOrderDeliveredAt: '1999-12-31T10:00:00+01:00' }, 'penaltyOrderDeliveredAt', 'buiten 2000-2099'],
    ['a number as timestamp', { remandOrderedAt: 1_775_808_000_000 }, 'remandOrderedAt', 'Verwacht een tijdstip als tekst'],
    ['an unknown modality', { modality: 'snel' }, 'modality', 'Modaliteit moet een van'],
    ['an empty id', { id: '  ' }, 'id', 'Zaak-id mag niet leeg zijn'],
    ['consent as text', { shortTermConsent: 'ja' }, 'shortTermConsent', 'Verwacht true of false'],
    ['an unknown field (a typo would silently drop a limit)', { arestedAt: '2026-04-10T10:00:00+02:00' }, '', 'Onbekend veld: arestedAt'],
  ])('refuses %s', (_, change, path, message) => {
    const result = deadlineInputSchema.safeParse({ ...VALID, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: path ? [path] : [], message: expect.stringContaining(message) }));
  });

  it.each([
    ['an extension without a custody order', { custodyOrderedAt: undefined }, 'custodyExtendedAt', 'zonder bevel inverzekeringstelling'],
    ['an extension before the custody order', { custodyExtendedAt: '2026-04-10T15:00:00+02:00' }, 'custodyExtendedAt', 'ligt vóór bevel inverzekeringstelling'],
    // Issue 11, item 11: the field by its label and the moments as dd-mm-jjjj uu:mm, no internal names.
    ['a custody order before the arrest', { custodyOrderedAt: '2026-04-10T09:00:00+02:00' }, 'custodyOrderedAt', 'Bevel inverzekeringstelling (10-04-2026 09:00) ligt vóór aanhouding (10-04-2026 10:00): controleer beide tijdstippen'],
    ['a 1970 moment', { arrestedAt: '1970-01-01T10:00:00+01:00', custodyOrderedAt: undefined, custodyExtendedAt: undefined, remandOrderedAt: undefined }, 'arrestedAt', 'Tijdstip 01-01-1970 10:00 ligt buiten 2000-2099: vul een tijdstip tussen 2000 en 2099 in'],
    ['a bewaring before the custody order', { remandOrderedAt: '2026-04-10T12:00:00+02:00' }, 'remandOrderedAt', 'ligt vóór bevel inverzekeringstelling'],
    ['a summons before the arrest', { summonsServedAt: '2026-04-09T10:00:00+02:00' }, 'summonsServedAt', 'ligt vóór aanhouding'],
    ['a judgment before the summons', { judgmentAt: '2026-04-14T09:00:00+02:00' }, 'judgmentAt', 'ligt vóór betekening dagvaarding'],
    ['a penalty order before the arrest', { penaltyOrderDeliveredAt: '2026-04-10T09:59:59+02:00' }, 'penaltyOrderDeliveredAt', 'ligt vóór aanhouding'],
  ])('refuses %s', (_, change, path, message) => {
    const result = deadlineInputSchema.safeParse({ ...VALID, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [path], message: expect.stringContaining(message) }));
  });

  it('never shows an internal field name or an ISO text in these messages', () => {
    const result = deadlineInputSchema.safeParse({ ...VALID, custodyOrderedAt: undefined, arrestedAt: '1970-01-01T10:00:00+01:00', summonsServedAt: '1969-01-01T10:00:00+01:00' });
    for (const issue of result.error?.issues ?? []) {
      expect(issue.message).not.toMatch(/\((arrestedAt|custodyOrderedAt|summonsServedAt)\)|\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('compares instants, not texts: the same moment in another offset is not earlier', () => {
    const sameMoment = { ...VALID, custodyOrderedAt: '2026-04-10T08:00:00Z', custodyExtendedAt: undefined };
    expect(deadlineInputSchema.safeParse({ ...sameMoment, remandOrderedAt: undefined }).success).toBe(true);
  });
});

describe('messages naming the case and the field', () => {
  it('for one case', () => {
    const result = parseDeadlineInput({ id: 'PN-7', modality: 'snelrecht', arrestedAt: '2026-04-10T10:00:00' });
    expect(result).toEqual({
      ok: false,
      errors: [
        'Zaak "PN-7", veld arrestedAt: Tijdstip "2026-04-10T10:00:00" heeft geen tijdzone-offset; geef de offset mee (bijv. 2026-04-14T09:30:00+02:00)',
      ],
    });
  });

  it('for a list, with the position of each case', () => {
    const input = [
      { id: 'OK-1', modality: 'zsm' },
      { id: 'PN-8', modality: 'snelrecht', custodyExtendedAt: '2026-04-13T09:00:00+02:00' },
      { modality: 'x' },
      42,
    ];
    const result = parseDeadlineInputList(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      'Zaak "PN-8" (nr. 2 in de lijst), veld custodyExtendedAt: Verlenging van de inverzekeringstelling zonder bevel inverzekeringstelling: vul eerst het tijdstip van het bevel inverzekeringstelling in',
      'Zaak zonder id (nr. 3 in de lijst), veld id: Zaak-id ontbreekt',
      'Zaak zonder id (nr. 3 in de lijst), veld modality: Modaliteit moet een van zsm, supersnelrecht, snelrecht, snelrecht_nd, filler zijn',
      'Zaak zonder id (nr. 4 in de lijst): Verwacht een object met de gegevens van één zaak',
    ]);
  });

  it('for input that is not a list', () => {
    const result = parseDeadlineInputList({ id: 'A' });
    expect(result).toEqual({ ok: false, errors: ['Invoer: Verwacht een JSON-array van zaken'] });
    expect(describeDeadlineInputIssues([], [])).toEqual([]);
  });

  it('returns the parsed value when valid', () => {
    expect(parseDeadlineInputList([{ id: 'A', modality: 'zsm' }])).toEqual({ ok: true, value: [{ id: 'A', modality: 'zsm' }] });
  });
});
