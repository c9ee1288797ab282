export declare const ROOT: string;
/** The Electron binary, or null where the npm package could not download it. */
export declare function findElectronBinary(): string | null;
/** Path of better_sqlite3.node built for the installed Electron; builds it on first use. */
export declare function electronSqliteBinding(): string;
