/**
 * The largest row number (id) the district stores on both engines: PostgreSQL's integer columns hold
 * 32 bits (SQLite's 64). A larger number in a request names no row; the contract refuses it with the
 * field's own message instead of letting PostgreSQL fail on it (issue 13, the operation suite).
 */
export const MAX_ROW_ID = 2_147_483_647;
