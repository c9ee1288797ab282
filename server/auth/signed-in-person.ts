import { ROLES, type Role } from '../../shared/domain/roles';

/** The person a request comes from on the district server (issue 13, item 3). */
export interface SignedInPerson {
  /** The identity provider's stable id ('sub'). */
  subject: string;
  name: string;
  organisation: string;
  /** Only roles the role table knows; none means every operation is refused (403). */
  roles: Role[];
  /** A police liaison's unit (their cases only); null for everyone else. */
  policeUnit: string | null;
}

/**
 * The identity provider's role names -> Ketenplanner's roles (docs/sign-in.md keeps the same table).
 * The district's IdP puts them in the 'roles' claim of the ID token and the access token; a name not in
 * the table grants nothing. Override per district with SignInSettings.roleClaimTable.
 */
export const DEFAULT_ROLE_CLAIM_TABLE: Readonly<Record<string, Role>> = {
  'ketenplanner-coordinator': 'coordinator',
  'ketenplanner-prosecutor': 'prosecutor',
  'ketenplanner-clerk': 'clerk',
  'ketenplanner-police-liaison': 'police_liaison',
  'ketenplanner-reviewer': 'reviewer',
  'ketenplanner-administrator': 'administrator',
};

/** The audit trail's actor: 'Naam (Organisatie)'. */
export function actorLabel(person: Pick<SignedInPerson, 'name' | 'organisation'>): string {
  return `${person.name} (${person.organisation})`;
}

/**
 * The person from a token's claims (sub, name, organisation, roles, police_unit), or null when a claim
 * the audit trail needs is missing. Unknown role names are dropped; a police liaison without a unit
 * loses that role (refused rather than shown every unit's cases).
 */
export function personFromClaims(
  claims: Readonly<Record<string, unknown>>,
  roleClaimTable: Readonly<Record<string, Role>> = DEFAULT_ROLE_CLAIM_TABLE,
): SignedInPerson | null {
  const subject = nonEmptyString(claims.sub);
  const name = nonEmptyString(claims.name);
  const organisation = nonEmptyString(claims.organisation);
  if (subject === null || name === null || organisation === null) return null;
  const policeUnit = nonEmptyString(claims.police_unit);
  const granted = new Set<Role>();
  for (const roleName of roleNames(claims.roles)) {
    const role = Object.hasOwn(roleClaimTable, roleName) ? roleClaimTable[roleName] : undefined;
    if (role) granted.add(role);
  }
  if (policeUnit === null) granted.delete('police_liaison');
  const roles = ROLES.filter((role) => granted.has(role));
  return { subject, name, organisation, roles, policeUnit: roles.includes('police_liaison') ? policeUnit : null };
}

function roleNames(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter((name) => name !== '');
  if (Array.isArray(value)) return value.filter((name): name is string => typeof name === 'string');
  return [];
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
