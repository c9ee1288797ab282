import type { z } from 'zod';
import {
  contract,
  isOperationName,
  type OperationName,
  type OperationOutput,
  type ParsedInput,
} from '../../shared/api/contract';
import type { ApiEnvelope, ApiErrorBody } from '../../shared/api/envelope';
import { ServiceError } from './service-error';

export type OperationHandlers = {
  [K in OperationName]: (input: ParsedInput<K>) => OperationOutput<K> | Promise<OperationOutput<K>>;
};

export type ApiHandler = (operation: unknown, input: unknown) => Promise<ApiEnvelope<unknown>>;

export interface ApiHandlerOptions {
  /** Where unexpected failures are reported (the envelope then carries only a generic message). */
  onInternalError?: (operation: string, error: unknown) => void;
}

/**
 * The one back-end entry point every transport calls: validates the operation name and input against
 * the contract, runs the service, checks the output, and always answers with an envelope (never throws).
 */
export function createApiHandler(handlers: OperationHandlers, options: ApiHandlerOptions = {}): ApiHandler {
  return async (operation, input) => {
    if (!isOperationName(operation)) {
      return failure({ code: 'UNKNOWN_OPERATION', message: `Unknown operation: ${describe(operation)}` });
    }
    const spec = contract[operation];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return failure({
        code: 'INVALID_INPUT',
        message: `Invalid input for ${operation}`,
        details: issuesToDetails(parsed.error.issues),
      });
    }
    try {
      const handler = handlers[operation] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const checked = (spec.output as z.ZodType).safeParse(value);
      if (!checked.success) {
        options.onInternalError?.(operation, checked.error);
        return failure({ code: 'INTERNAL', message: `The answer of ${operation} did not match the contract` });
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof ServiceError) return failure({ code: error.code, message: error.message });
      // A uniqueness rule the service did not check first: still the user's conflict, not a crash.
      if (isUniqueViolation(error)) return failure({ code: 'CONFLICT', message: 'Dit bestaat al; kies een andere naam of een ander nummer.' });
      options.onInternalError?.(operation, error);
      return failure({ code: 'INTERNAL', message: `Unexpected failure in ${operation}` });
    }
  };
}

function failure(error: ApiErrorBody): ApiEnvelope<never> {
  return { ok: false, error };
}

function issuesToDetails(issues: readonly z.core.$ZodIssue[]): { path: string; message: string }[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(invoer)', message: issue.message }));
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value;
}
