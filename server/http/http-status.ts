import type { ApiEnvelope, ApiErrorCode } from '../../shared/api/envelope';

/** The statuses the API answers with (FORBIDDEN: 403, the roles of shared/api/operation-roles.ts). */
export type ApiHttpStatus = 200 | 400 | 401 | 403 | 404 | 409 | 410 | 500 | 503 | 507;

const STATUS_BY_CODE: Record<ApiErrorCode, Exclude<ApiHttpStatus, 200>> = {
  UNKNOWN_OPERATION: 404,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  STORAGE_FULL: 507,
  UNAVAILABLE: 503,
  FULL_COPY_NEEDED: 410,
  INTERNAL: 500,
};

export function httpStatusOf(envelope: ApiEnvelope<unknown>): ApiHttpStatus {
  return envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code];
}
