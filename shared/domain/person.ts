/** Roles on the rota: the judge of a fast-track session is a politierechter or an RC acting as one; the prosecutor an OvJ. */
export const PERSON_ROLES = ['politierechter', 'rc_politierechter', 'ovj'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const JUDGE_ROLES = ['politierechter', 'rc_politierechter'] as const satisfies readonly PersonRole[];

export const PERSON_ROLE_LABELS: Record<PersonRole, string> = {
  politierechter: 'Politierechter',
  rc_politierechter: 'RC als politierechter',
  ovj: 'Officier van justitie',
};

export function isJudgeRole(role: PersonRole): boolean {
  return (JUDGE_ROLES as readonly PersonRole[]).includes(role);
}
