import { describe, expect, it } from 'vitest';
import { actorLabel, personFromClaims } from '../../server/auth/signed-in-person';

describe('personFromClaims (the IdP claims -> role table)', () => {
  const base = { sub: 'x1', name: 'Rob Bakker', organisation: 'Politie Noord-Holland' };

  it('maps known role names, drops unknown ones, keeps the order of ROLES', () => {
    expect(personFromClaims({ ...base, roles: ['stagiair', 'ketenplanner-reviewer', 'ketenplanner-coordinator', 'ketenplanner-coordinator'] })).toEqual({
      subject: 'x1',
      name: 'Rob Bakker',
      organisation: 'Politie Noord-Holland',
      roles: ['coordinator', 'reviewer'],
      policeUnit: null,
    });
  });

  it('accepts a space-separated string of role names', () => {
    expect(personFromClaims({ ...base, roles: 'ketenplanner-clerk ketenplanner-administrator' })?.roles).toEqual(['clerk', 'administrator']);
  });

  it('gives a police liaison their unit, and no police role without one', () => {
    expect(personFromClaims({ ...base, roles: ['ketenplanner-police-liaison'], police_unit: 'Basisteam Haarlem' })).toMatchObject({
      roles: ['police_liaison'],
      policeUnit: 'Basisteam Haarlem',
    });
    expect(personFromClaims({ ...base, roles: ['ketenplanner-police-liaison'] })).toMatchObject({ roles: [], policeUnit: null });
    expect(personFromClaims({ ...base, roles: ['ketenplanner-clerk'], police_unit: 'Basisteam Haarlem' })).toMatchObject({ policeUnit: null });
  });

  it('grants nothing for names like Object.prototype keys or other types', () => {
    expect(personFromClaims({ ...base, roles: ['constructor', '__proto__', 7] })?.roles).toEqual([]);
    expect(personFromClaims({ ...base, roles: { coordinator: true } })?.roles).toEqual([]);
  });

  it('refuses claims without subject, name or organisation (the audit trail needs them)', () => {
    expect(personFromClaims({ ...base, name: ' ' })).toBeNull();
    expect(personFromClaims({ name: 'A', organisation: 'B' })).toBeNull();
    expect(personFromClaims({ sub: 'x', name: 'A' })).toBeNull();
  });

  it('uses a district table instead of the default', () => {
    expect(personFromClaims({ ...base, roles: ['OM-Parketsecretaris'] }, { 'OM-Parketsecretaris': 'prosecutor' })?.roles).toEqual(['prosecutor']);
  });

  it('labels the audit actor as "Naam (Organisatie)"', () => {
    expect(actorLabel({ name: 'Pieter Jansen', organisation: 'Openbaar Ministerie' })).toBe('Pieter Jansen (Openbaar Ministerie)');
  });
});
