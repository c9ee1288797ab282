import type { ApiErrorBody } from '../../../shared/api/envelope';

/** An error envelope from the back end, or a transport failure, as a throwable for TanStack Query. */
export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }
}
