import type { z } from 'zod';
import {
  contract,
  isOperationName,
  type OperationName,
  type OperationOutput,
  type ParsedInput,
} from '../../shared/api/contract';
import type { ApiEnvelope, ApiErrorBody } from '../../shared/api/envelope';
import { isWriteOperation, REQUEST_ID_PATTERN } from '../../shared/api/operation-kinds';
import { EXPORT_LIST_SOURCES, forbiddenMessage, mayCall, rolesFor } from '../../shared/api/operation-roles';
import { disclosedCaseIds } from '../../shared/api/disclosures';
import type { Role } from '../../shared/domain/roles';
import type { Clock } from './context/clock';
import type { OperationContext } from './context/operation-context';
import { appendAudit } from './audit';
import { NOT_TRACED_MESSAGE, recordDisclosures, untracedCaseIds } from './disclosures/disclosure-log';
import { claimRequest, findProcessedRequest, hashInput, markRequestProcessed, storeAnswer } from './context/processed-requests';
import type { DistrictDatabase, OperationScope } from './context/district-database';
import { ServiceError } from './service-error';

export type OperationHandler<K extends OperationName> = (
  input: ParsedInput<K>,
  context: OperationContext,
) => OperationOutput<K> | Promise<OperationOutput<K>>;

export type OperationHandlers = { [K in OperationName]: OperationHandler<K> };

/** The handlers of one feature folder: exactly the operations whose names start with `<feature>.`. */
export type FeatureHandlers<Feature extends string> = {
  [K in Extract<OperationName, `${Feature}.${string}`>]: OperationHandler<K>;
};

/** What a transport knows of a request besides its operation and input. */
export interface RequestMeta {
  /** The caller's id for this user action (the Idempotency-Key header over HTTP). */
  requestId?: string | null | undefined;
  /** The signed-in person (the district server); absent: the handler's own actor and roles. */
  person?: RequestPerson | undefined;
}

export interface RequestPerson {
  /** As the audit trail names them: 'Naam (Organisatie)'. */
  actor: string;
  roles: readonly Role[];
  policeUnit: string | null;
}

export type ApiHandler = (operation: unknown, input: unknown, meta?: RequestMeta) => Promise<ApiEnvelope<unknown>>;

export interface ApiHandlerOptions {
  /** The district's database: the standalone file (sqliteDistrictDatabase) or the district server's PostgreSQL. */
  database: DistrictDatabase;
  clock: Clock;
  /** Who acts when the request names nobody (the desktop's user standalone); the district server passes the signed-in person per request. */
  actor: () => string;
  /**
   * The actor's roles (shared/domain/roles.ts): an operation none of whose roles (shared/api/operation-roles.ts)
   * the actor holds is refused with FORBIDDEN before anything else runs, and audited. Standalone: every role.
   */
  roles: () => readonly Role[];
  /** Where notes that are no failure are logged (an audit row that could not be written to a read-only file). Default: console.warn. */
  log?: (message: string) => void;
  /** Where unexpected failures are reported (the envelope then carries only a generic message). */
  onInternalError?: (operation: string, error: unknown) => void;
}

/** The answer to a resend of a write that was done but whose answer was not stored: done, not refused. */
export const ALREADY_DONE =
  'Deze handeling is al uitgevoerd, maar het antwoord ging verloren (het programma stopte tussendoor). Vernieuw het scherm om het resultaat te zien.';
const NULL_INPUT = 'De invoer ontbreekt: stuur de velden van deze handeling als object (leeg object {} als er geen velden zijn).';
const REQUEST_ID_REUSED = 'Deze aanvraag-id hoort bij een andere handeling; kies per handeling een nieuwe id.';

/**
 * The one back-end entry point every transport (Electron IPC, HTTP, the CLI) calls: validates the
 * operation name and input against the contract, gives the operation its context (database, actor,
 * clock, request id), answers a repeated write with its first answer, checks the output, and always
 * answers with an envelope (never throws).
 */
export function createApiHandler(handlers: OperationHandlers, options: ApiHandlerOptions): ApiHandler {
  const inFlight = new Map<string, Promise<ApiEnvelope<unknown>>>();

  const execute = async (operation: OperationName, input: unknown, requestId: string | null, person: RequestPerson, readId: string | null = null): Promise<ApiEnvelope<unknown>> => {
    const spec = contract[operation];
    const { actor } = person;
    const scope = scopeFor(operation, person);
    const reported = new Set<number>();
    let marked = false;
    // PostgreSQL runs a write as one transaction: its request id, its answer and the trace of what it shows
    // are written in it too (no transactions of their own after it); the answer is then taken from here.
    const oneTransaction = requestId !== null && options.database.engine === 'postgresql';
    const answered = { done: false, value: undefined as unknown };
    const inputHash = requestId ? hashInput(operation, input) : '';
    try {
      // On PostgreSQL a transaction undone by a conflict runs again from here: nothing outside the database is kept.
      const outcome = await options.database.run(scope, async (db, write): Promise<{ repeated: ApiEnvelope<unknown> } | { value: unknown }> => {
        reported.clear();
        marked = false;
        answered.done = false;
        if (requestId) {
          // One statement for a new id: marked at once (a refusal undoes the whole transaction, the mark with it).
          if (oneTransaction) marked = await claimRequest(db, { requestId, operation, inputHash, actor, at: options.clock.now() });
          const stored = marked ? undefined : await findProcessedRequest(db, requestId);
          if (stored) return { repeated: repeatedAnswer(stored, operation, inputHash) };
        }
        // As write below, on the connection of its own: the request id is marked in its transaction.
        const writeApartOf =
          (writeApart: NonNullable<DistrictDatabase['writeApart']>): NonNullable<OperationContext['writeApart']> =>
          async (work) => {
            const result = await writeApart(scope, async (own) => {
              if (requestId && !marked) await markRequestProcessed(own, { requestId, operation, inputHash, actor, at: options.clock.now() });
              return work(own);
            });
            if (requestId) marked = true;
            return result;
          };
        const context: OperationContext = {
          db,
          actor,
          roles: person.roles,
          clock: options.clock,
          requestId,
          write: async (work) => {
            const result = await write(async () => {
              if (requestId && !marked) await markRequestProcessed(db, { requestId, operation, inputHash, actor, at: options.clock.now() });
              return work();
            });
            if (requestId) marked = true;
            return result;
          },
          ...(options.database.writeApart ? { writeApart: writeApartOf(options.database.writeApart) } : {}),
          disclose: (caseIds) => {
            for (const id of caseIds) reported.add(id);
          },
        };
        const handler = handlers[operation] as (input: unknown, context: OperationContext) => unknown;
        const value = await handler(input, context);
        if (oneTransaction && requestId && marked) {
          const checked = (spec.output as z.ZodType).safeParse(value);
          if (checked.success) {
            const disclosed = disclosedCaseIds(operation, checked.data as never, input as never);
            const caseIds = disclosed === 'reported' ? [...reported] : disclosed;
            await write(async () => {
              // Only the cases not traced for this person within the window (recordDisclosures), as traceDisclosure.
              if (caseIds.length > 0) await recordDisclosures(db, { readAt: options.clock.now().toISOString(), actor, roles: [...person.roles], operation, caseIds, requestId });
              await storeAnswer(db, requestId, checked.data);
            });
            Object.assign(answered, { done: true, value: checked.data });
          }
        }
        return { value };
      }, { readOnly: !isWriteOperation(operation) });
      if ('repeated' in outcome) return outcome.repeated;
      if (answered.done) return { ok: true, value: answered.value };
      const checked = (spec.output as z.ZodType).safeParse(outcome.value);
      if (!checked.success) {
        options.onInternalError?.(operation, checked.error);
        return failure({ code: 'INTERNAL', message: `The answer of ${operation} did not match the contract` });
      }
      // A read of personal data is answered only once it is traced (issue 13 item 5, shared/api/disclosures.ts).
      const disclosed = disclosedCaseIds(operation, checked.data as never, input as never);
      const caseIds = disclosed === 'reported' ? [...reported] : disclosed;
      if (caseIds.length > 0) {
        const refusal = await traceDisclosure(operation, person, scope, caseIds, requestId ?? readId);
        if (refusal) return refusal;
      }
      if (requestId && marked) {
        // Its own small write (waiting like any write while another process holds the file). Should it
        // fail, the change itself stands: a resend is told it was done (ALREADY_DONE), never redone.
        // A refusal here is the server stopping (UNAVAILABLE, server/pg/postgres-district-database.ts): a warning, not a failure.
        await options.database.write(scope, async (db) => await storeAnswer(db, requestId, checked.data)).catch((error: unknown) =>
          error instanceof ServiceError
            ? (options.log ?? console.warn)(`${operation}: done, its answer not stored for a resend (${error.code}: ${error.message})`)
            : options.onInternalError?.(`${operation} (storing the answer)`, error),
        );
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof ServiceError) return failure({ code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) });
      // A uniqueness rule the service did not check first: still the user's conflict, not a crash.
      if (options.database.isUniqueViolation(error)) return failure({ code: 'CONFLICT', message: 'Dit bestaat al; kies een andere naam of een ander nummer.' });
      // Full storage (SQLITE_FULL, PostgreSQL 53100): the transaction was rolled back; say so, and where.
      const full = options.database.storageFullMessage(error);
      if (full) return failure({ code: 'STORAGE_FULL', message: full });
      options.onInternalError?.(operation, error);
      return failure({ code: 'INTERNAL', message: `Unexpected failure in ${operation}` });
    }
  };

  /** Writes the trace of a read (one row per case, its own write transaction); a refusal when it cannot be written. */
  const traceDisclosure = async (operation: OperationName, person: RequestPerson, scope: OperationScope, caseIds: readonly number[], requestId: string | null): Promise<ApiEnvelope<never> | null> => {
    const entry = { readAt: options.clock.now().toISOString(), actor: person.actor, roles: [...person.roles], operation, caseIds, requestId };
    try {
      // Already traced for this person within the window (a list refreshing on an open screen): no write.
      const untraced = await options.database.run(scope, async (db) => await untracedCaseIds(db, entry), { readOnly: true });
      if (untraced.length === 0) return null;
      if (options.database.readonly) return failure({ code: 'CONFLICT', message: NOT_TRACED_MESSAGE });
      await options.database.write(scope, async (db) => await recordDisclosures(db, entry));
      return null;
    } catch (error) {
      options.onInternalError?.(`${operation} (tracing the read of personal data)`, error);
      const full = options.database.storageFullMessage(error);
      if (full) return failure({ code: 'STORAGE_FULL', message: `${NOT_TRACED_MESSAGE} ${full}` });
      return failure({ code: 'CONFLICT', message: NOT_TRACED_MESSAGE });
    }
  };

  /** FORBIDDEN, with one audit row (action 'access.refused') in its own write transaction. */
  const refuse = async (operation: OperationName, allowed: readonly Role[], person: RequestPerson): Promise<ApiEnvelope<never>> => {
    const message = forbiddenMessage(allowed, person.roles);
    const { actor } = person;
    if (options.database.readonly) {
      (options.log ?? console.warn)(`access.refused not audited: the district file is open read-only (${actor}, ${operation})`);
    } else {
      const entry = {
        occurredAt: options.clock.now().toISOString(),
        actor,
        action: 'access.refused',
        entityType: 'operation',
        entityId: 0,
        reason: message,
        details: { operation, roles: [...person.roles], allowed: [...allowed] },
      };
      // The refusal stands even when its audit row cannot be written (a full disk, a long-held lock).
      // Written in the connection's own rights: the person may hold no role at all.
      await options.database.write({ role: null, policeUnit: null, actor }, async (db) => await appendAudit(db, entry)).catch((error: unknown) =>
        options.onInternalError?.(`${operation} (auditing the refusal)`, error),
      );
    }
    return failure({ code: 'FORBIDDEN', message });
  };

  return async (operation, input, meta = {}) => {
    if (!isOperationName(operation)) {
      return failure({ code: 'UNKNOWN_OPERATION', message: `Unknown operation: ${describe(operation)}` });
    }
    // Roles first: a refused request is not validated, not run and not stored as processed.
    const person: RequestPerson = meta.person ?? { actor: options.actor(), roles: options.roles(), policeUnit: null };
    if (!mayCall(person.roles, operation)) return refuse(operation, rolesFor(operation), person);
    // No input at all (undefined: an IPC call without argument; the HTTP host reads an empty body as {})
    // is an empty object: fine for an operation without required fields, INVALID_INPUT otherwise.
    // An explicit null is never an operation's input.
    if (input === null) return failure({ code: 'INVALID_INPUT', message: NULL_INPUT, details: [{ path: '(invoer)', message: NULL_INPUT }] });
    const parsed = contract[operation].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      const details = issuesToDetails(parsed.error.issues);
      return failure({ code: 'INVALID_INPUT', message: invalidInputMessage(details, parsed.error.issues.length), details });
    }
    // An exported list is one of the lists: it needs the roles of that list's own read too.
    if (operation === 'exports.list') {
      const source = EXPORT_LIST_SOURCES[(parsed.data as ParsedInput<'exports.list'>).list];
      if (!mayCall(person.roles, source)) return refuse(operation, rolesFor(source), person);
    }
    const requestId = isWriteOperation(operation) ? (meta.requestId ?? null) : null;
    // A read is not answered from a store, but a traced read's id keeps a resend from being traced twice.
    const readId = requestId === null && meta.requestId && REQUEST_ID_PATTERN.test(meta.requestId) ? meta.requestId : null;
    if (requestId === null) return execute(operation, parsed.data, null, person, readId);
    if (!REQUEST_ID_PATTERN.test(requestId)) {
      return failure({ code: 'INVALID_INPUT', message: 'De aanvraag-id (Idempotency-Key) is ongeldig: 8 tot 128 letters, cijfers of - _ : .' });
    }
    // A double click: the second request waits for the first and gets the same answer.
    const flightKey = `${person.actor}\u0000${requestId}`;
    const running = inFlight.get(flightKey);
    if (running) return running;
    const answer = execute(operation, parsed.data, requestId, person).finally(() => inFlight.delete(flightKey));
    inFlight.set(flightKey, answer);
    return answer;
  };
}

function repeatedAnswer(stored: { operation: string; inputHash: string; answer: unknown }, operation: string, inputHash: string): ApiEnvelope<unknown> {
  if (stored.operation !== operation || stored.inputHash !== inputHash) return failure({ code: 'INVALID_INPUT', message: REQUEST_ID_REUSED });
  if (stored.answer === null) return failure({ code: 'CONFLICT', message: ALREADY_DONE });
  return { ok: true, value: stored.answer };
}

function failure(error: ApiErrorBody): ApiEnvelope<never> {
  return { ok: false, error };
}

/** One Dutch sentence for the caller; the details name each field. */
function invalidInputMessage(details: { path: string; message: string }[], total: number): string {
  const first = details[0];
  if (!first) return 'De invoer is niet geldig.';
  const more = total > 1 ? ` (en nog ${total - 1} ${total === 2 ? 'punt' : 'punten'})` : '';
  return `De invoer is niet geldig: ${first.message}${more}.`;
}

/** At most this many details, each cut short: a hostile input (100,000 bad items, 10,000 unknown keys) gets a small answer. */
const MAX_DETAILS = 20;
const MAX_DETAIL_TEXT = 300;

function issuesToDetails(issues: readonly z.core.$ZodIssue[]): { path: string; message: string }[] {
  const cut = (text: string) => (text.length > MAX_DETAIL_TEXT ? `${text.slice(0, MAX_DETAIL_TEXT - 1)}…` : text);
  const details = issues.slice(0, MAX_DETAILS).map((issue) => ({ path: cut(issue.path.map(String).join('.') || '(invoer)'), message: cut(issue.message) }));
  if (issues.length > MAX_DETAILS) details.push({ path: '(invoer)', message: `en nog ${issues.length - MAX_DETAILS} andere punten` });
  return details;
}

/**
 * The role the database's second line runs an operation in (PostgreSQL: SET LOCAL ROLE): one of the
 * person's roles that may do it, a role with the whole district before a police liaison's unit scope.
 */
function scopeFor(operation: OperationName, person: RequestPerson): OperationScope {
  const allowed = rolesFor(operation).filter((role) => person.roles.includes(role));
  const role = allowed.find((r) => r !== 'police_liaison') ?? allowed[0] ?? null;
  return { role, policeUnit: role === 'police_liaison' ? person.policeUnit : null, actor: person.actor };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value;
}
