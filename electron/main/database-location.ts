import path from 'node:path';

export interface DatabaseLocation {
  path: string;
  /** Load the demo district when the file holds no district yet (`npm start`, --demo). */
  loadDemoIfEmpty: boolean;
}

/** --db=FILE or KETENPLANNER_DB wins; --demo uses a separate demo file; otherwise the district file in user data. */
export function chooseDatabaseLocation(argv: readonly string[], env: Record<string, string | undefined>, userDataFolder: string): DatabaseLocation {
  const dbArg = argv.find((arg) => arg.startsWith('--db='))?.slice('--db='.length);
  const demo = argv.includes('--demo');
  const explicit = dbArg || env['KETENPLANNER_DB'];
  if (explicit) return { path: path.resolve(explicit), loadDemoIfEmpty: demo };
  if (demo) return { path: path.join(userDataFolder, 'demo-district.sqlite'), loadDemoIfEmpty: true };
  return { path: path.join(userDataFolder, 'district.sqlite'), loadDemoIfEmpty: false };
}

/** The file to open was named at start (--db=FILE, KETENPLANNER_DB or --demo): open it without the start screen. */
export function hasExplicitDatabase(argv: readonly string[], env: Record<string, string | undefined>): boolean {
  return argv.some((arg) => arg.startsWith('--db=') || arg === '--demo') || !!env['KETENPLANNER_DB'];
}
