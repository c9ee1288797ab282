import { describe, expect, it } from 'vitest';
import { returnFieldsOf } from '../../../shared/cjib/return-reasons';

describe('returnFieldsOf: what a CJIB return asks to correct', () => {
  it('R01 names the details its text is about, or all three CJIB checks when it names none', () => {
    expect(returnFieldsOf('R01', 'Adres onbekend in de BRP')).toEqual({ caseFields: ['summonsAddress'], decision: false });
    expect(returnFieldsOf('R01', 'Geboortedatum onjuist')).toEqual({ caseFields: ['dateOfBirth'], decision: false });
    expect(returnFieldsOf('R01', 'Naam en adres onvolledig')).toEqual({ caseFields: ['summonsAddress', 'fullName'], decision: false });
    expect(returnFieldsOf('R01', null)).toEqual({ caseFields: ['fullName', 'dateOfBirth', 'summonsAddress'], decision: false });
  });

  it('R02 to R04 are about the decision; R05, R99 and an unknown code name nothing', () => {
    for (const code of ['R02', 'R03', 'R04']) expect(returnFieldsOf(code, 'x')).toEqual({ caseFields: [], decision: true });
    for (const code of ['R05', 'R99', 'R42', null]) expect(returnFieldsOf(code, 'Adres')).toEqual({ caseFields: [], decision: false });
  });
});
