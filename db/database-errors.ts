/** Why a database could not be opened. The shell turns these into its start-up error screen. */
export type DatabaseErrorCode = 'DB_OPEN_FAILED' | 'DB_FROM_NEWER_VERSION' | 'DB_MIGRATION_FAILED';

export class DatabaseOpenError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    readonly databasePath: string,
    readonly backupPath: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}
