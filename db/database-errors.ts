import path from 'node:path';

/**
 * Why a database could not be opened. The shell turns these into its start-up error screen, the CLI
 * into a Dutch message (describeDatabaseOpenError).
 * - DB_OPEN_FAILED: the file cannot be opened or read, or is no SQLite database at all.
 * - DB_EMPTY_FILE: the file exists but holds zero bytes (only a path that does not exist becomes a new district).
 * - DB_DAMAGED: SQLite's own check (quick_check, integrity_check) finds the file damaged.
 * - DB_FROM_NEWER_VERSION: a newer version of Ketenplanner wrote it.
 * - DB_MIGRATION_FAILED: bringing the schema up to date failed and was rolled back.
 * - DB_DISK_FULL: the disk (or the folder's quota) is full.
 * None of them is ever resolved by changing or deleting the file.
 */
export type DatabaseErrorCode = 'DB_OPEN_FAILED' | 'DB_EMPTY_FILE' | 'DB_DAMAGED' | 'DB_FROM_NEWER_VERSION' | 'DB_MIGRATION_FAILED' | 'DB_DISK_FULL';

export class DatabaseOpenError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    readonly databasePath: string,
    /** The copy made before migrating, when this open made one. */
    readonly backupPath: string | null = null,
    options?: {
      cause?: unknown;
      /** The newest backup of this file that passed integrity_check, offered to restore (damaged or unreadable files). */
      goodBackupPath?: string | null;
    },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DatabaseOpenError';
    this.goodBackupPath = options?.goodBackupPath ?? null;
  }

  readonly goodBackupPath: string | null;
}

/** A backup could not be made, verified or restored; the message is Dutch. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly backupPath: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackupError';
  }
}

/** SQLite (SQLITE_FULL) or the operating system (ENOSPC, EDQUOT) says the disk is full. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/** SQLite found the file damaged while reading it (SQLITE_CORRUPT, SQLITE_NOTADB and their extended codes). */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** The Dutch message for a full disk: what happened, where, and that nothing was half written. */
export function diskFullMessage(folder: string): string {
  return `De schijf is vol: Ketenplanner kan niets meer opslaan in de map ${folder}. De wijziging is niet opgeslagen en er is niets half weggeschreven. Maak ruimte vrij op deze schijf en probeer het opnieuw.`;
}

/** The Dutch message for a file SQLite reports damaged while in use. */
export function damagedFileMessage(databasePath: string): string {
  return `Het databasebestand ${databasePath} is beschadigd. Er is niets gewijzigd. Sluit Ketenplanner en zet een goede reservekopie terug (ketenplanner restore --db BESTAND --from RESERVEKOPIE).`;
}

const HEADLINES: Record<DatabaseErrorCode, string> = {
  DB_OPEN_FAILED: 'Het databasebestand kan niet worden geopend.',
  DB_EMPTY_FILE: 'Het databasebestand is leeg (0 bytes).',
  DB_DAMAGED: 'Het databasebestand is beschadigd.',
  DB_FROM_NEWER_VERSION: 'Dit databasebestand is gemaakt met een nieuwere versie van Ketenplanner.',
  DB_MIGRATION_FAILED: 'Het bijwerken van het databasebestand is mislukt.',
  DB_DISK_FULL: 'De schijf is vol.',
};

const EXPLANATIONS: Record<DatabaseErrorCode, string> = {
  DB_OPEN_FAILED: 'Het bestand is geen Ketenplanner-database of kan niet worden gelezen.',
  DB_EMPTY_FILE:
    'Een leeg bestand wordt niet als nieuw arrondissement in gebruik genomen: het kan het restant zijn van een mislukte kopie. Kies het juiste bestand, zet een reservekopie terug, of geef een pad dat nog niet bestaat voor een nieuw arrondissement.',
  DB_DAMAGED: 'De controle van SQLite vond fouten in het bestand. Er wordt niets in geschreven, zodat de schade niet groter wordt.',
  DB_FROM_NEWER_VERSION: 'Werk Ketenplanner bij naar de nieuwste versie. Het bestand (ook de nog niet verwerkte wijzigingen in het -wal-bestand) is niet gewijzigd.',
  DB_MIGRATION_FAILED: 'Het bijwerken is teruggedraaid; het bestand is zoals het was.',
  DB_DISK_FULL: 'Er is niets half weggeschreven. Maak ruimte vrij op deze schijf en probeer het opnieuw.',
};

/** The error in Dutch for a person: a headline and the details (file, backups, what to do), the technical message last. */
export function describeDatabaseOpenError(error: DatabaseOpenError): { message: string; detail: string } {
  const lines = [EXPLANATIONS[error.code], 'Er is niets verwijderd of overschreven.', `Bestand: ${error.databasePath}`];
  if (error.code === 'DB_DISK_FULL') lines.push(`Map: ${path.dirname(error.databasePath)}`);
  if (error.backupPath) lines.push(`Voor het bijwerken is een reservekopie gemaakt: ${error.backupPath}`);
  if (error.goodBackupPath) lines.push(`Nieuwste goede reservekopie: ${error.goodBackupPath}`);
  else if (error.code === 'DB_DAMAGED' || error.code === 'DB_EMPTY_FILE') lines.push('Er is geen goede reservekopie gevonden.');
  lines.push('', `Technische melding: ${error.message}`);
  return { message: HEADLINES[error.code], detail: lines.join('\n') };
}
