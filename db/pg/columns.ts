import { customType } from 'drizzle-orm/pg-core';

/**
 * The PostgreSQL twin of sqlite-core's `text(name, { mode: 'json' })`: a text column holding
 * JSON.stringify's text, parsed on read. Text rather than jsonb so a value is stored byte for byte as
 * on SQLite (jsonb reorders keys and drops duplicates): a district moved onto a server keeps the same
 * text, and checksums per table agree (issue 13, item 7). jsonb can come later where a query needs it.
 */
export const jsonText = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => JSON.parse(value) as unknown,
});
