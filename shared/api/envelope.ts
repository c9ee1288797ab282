/** Error codes cross process boundaries; error objects do not. The UI maps each code to a Dutch message. */
export const API_ERROR_CODES = [
  'UNKNOWN_OPERATION',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  /** The actor's roles do not allow this operation (shared/api/operation-roles.ts); the message names the roles. Nothing was done. */
  'FORBIDDEN',
  /** The disk holding the district file is full; the message names the folder. Nothing was written. */
  'STORAGE_FULL',
  /** The district server cannot be reached (desktop connected to a server); the message names the server. Nothing was done there. */
  'UNAVAILABLE',
  /** A desktop's local copy cannot catch up from its cursor (changes pruned, or too many): it copies everything again (sync.changes). */
  'FULL_COPY_NEEDED',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  details?: { path: string; message: string }[];
}

export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
