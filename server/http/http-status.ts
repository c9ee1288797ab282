import type { ApiEnvelope, ApiErrorCode } from '../../shared/api/envelope';

const STATUS_BY_CODE: Record<ApiErrorCode, 400 | 401 | 404 | 409 | 500 | 507> = {
  UNKNOWN_OPERATION: 404,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  STORAGE_FULL: 507,
  INTERNAL: 500,
};

export function httpStatusOf(envelope: ApiEnvelope<unknown>): 200 | 400 | 401 | 404 | 409 | 500 | 507 {
  return envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code];
}
