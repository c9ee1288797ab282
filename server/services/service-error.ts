import type { ApiErrorCode } from '../../shared/api/envelope';

/** A failure a service expects and explains; its code and message reach the caller unchanged. */
export class ServiceError extends Error {
  constructor(
    readonly code: Exclude<ApiErrorCode, 'INTERNAL' | 'UNKNOWN_OPERATION'>,
    message: string,
    /** Which input field the failure is about (e.g. 'confirm'), so a form can react to it; optional. */
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
