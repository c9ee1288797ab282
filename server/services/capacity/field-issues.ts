import type { FieldIssue } from '../../../shared/capacity/capacity-rules';
import { ServiceError } from '../service-error';

/** The rules are checked by the contract too; a direct call (CLI, another service) gets the same Dutch messages. */
export function refuseIssues(issues: readonly FieldIssue[]): void {
  if (issues.length > 0) throw new ServiceError('INVALID_INPUT', issues.map((i) => i.message).join('. '));
}

/**
 * Which fields changed, as { field: { from, to } }, for the audit trail. The record's version is not a
 * change the user made; it is left out (PostgreSQL's RETURNING shows it raised, SQLite's triggers raise it after).
 */
export function changedFields<T extends object>(before: T, after: T): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (key === 'version') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}
