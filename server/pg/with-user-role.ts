import type pg from 'pg';
import { ROLES, type Role } from '../../shared/domain/roles';

/**
 * The PostgreSQL group role of each app role (db/pg-migrations/0004_roles_row_security.sql). A fixed
 * table of literals: SET ROLE takes no parameter, so the name that goes into the SQL never comes from
 * the request.
 */
export const GROUP_ROLES: Readonly<Record<Role, string>> = {
  coordinator: 'kp_coordinator',
  prosecutor: 'kp_prosecutor',
  clerk: 'kp_clerk',
  police_liaison: 'kp_police_liaison',
  reviewer: 'kp_reviewer',
  administrator: 'kp_administrator',
};

export interface DatabaseUser {
  /** The role the signed-in person works in for this operation. */
  role: Role;
  /** A police liaison's unit (criminal_case.police_unit); null for every other role. */
  policeUnit: string | null;
  /** The signed-in person as the audit trail names them: a police liaison sees only its own kept answers (processed_request). */
  actor?: string;
}

/**
 * Runs `work` in one transaction as the signed-in person's group role: `SET LOCAL ROLE kp_<role>`, the
 * police unit in `ketenplanner.police_unit` and the actor in `ketenplanner.actor` (set_config(..., true),
 * the values as quoted literals). Both end
 * with the transaction, commit or rollback, so the next transaction on the same pooled connection is
 * ketenplanner_api again, with no rights of its own and no unit (docs/postgresql.md). Row-level security
 * and the table grants are the second line behind the API's own role check: a query without a WHERE
 * still shows a police liaison only its own unit's cases.
 *
 * The connection must be ketenplanner_api's (or another role that is a member of the group roles);
 * `work` must not commit, roll back or change the role itself.
 */
export interface UserTransactionOptions {
  /** SERIALIZABLE for the district server's operations: a check and the write it guards cannot interleave with another's (the last free slot). */
  isolation?: 'read committed' | 'serializable';
  /** READ ONLY: a statement that writes fails (25006). A serializable read-only transaction cannot be the pivot of a conflict and rarely gets a writer undone. */
  readOnly?: boolean;
}

/** BEGIN with the transaction's isolation level and access mode. */
export function beginStatement(options: UserTransactionOptions): string {
  return `BEGIN${options.isolation === 'serializable' ? ' ISOLATION LEVEL SERIALIZABLE' : ''}${options.readOnly ? ' READ ONLY' : ''}`;
}

export async function withUserRole<T>(client: pg.ClientBase, user: DatabaseUser, work: (client: pg.ClientBase) => Promise<T>, options: UserTransactionOptions = {}): Promise<T> {
  if (!ROLES.includes(user.role)) throw new Error(`Unknown role: ${String(user.role)}`);
  const policeUnit = user.role === 'police_liaison' ? user.policeUnit : null;
  // A police liaison without a unit would see nothing at all (the policies ask for one); say so instead.
  if (user.role === 'police_liaison' && !policeUnit?.trim()) throw new Error('A police liaison needs a police unit');
  try {
    // One round trip for the three (a simple query of several statements, so the values are quoted
    // literals here, not parameters): every operation's transaction begins this way.
    await client.query(
      `${beginStatement(options)}; SET LOCAL ROLE ${GROUP_ROLES[user.role]}; ` +
        `SELECT set_config('ketenplanner.police_unit', ${client.escapeLiteral(policeUnit ?? '')}, true), set_config('ketenplanner.actor', ${client.escapeLiteral(user.actor ?? '')}, true)`,
    );
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
