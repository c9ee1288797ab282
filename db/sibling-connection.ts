import Database from 'better-sqlite3';
import { nativeBindingOf, rememberNativeBinding } from './backup';
import { configureWritingConnection } from './open-database';

/**
 * A second writing connection to the file an open connection has (migrated and checked already),
 * configured like it, its busy timeout and page limit included. For a long write whose open transaction the first
 * connection's readers must not see (write-transaction.ts runWriteTransactionApart); the caller closes it.
 */
export function openSiblingConnection(sqlite: Database.Database): Database.Database {
  if (sqlite.memory || sqlite.readonly) throw new Error(`No second writing connection to ${sqlite.memory ? 'a database in memory' : 'a read-only database'}`);
  const nativeBinding = nativeBindingOf(sqlite);
  const sibling = new Database(sqlite.name, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    for (const setting of ['busy_timeout', 'max_page_count']) sibling.pragma(`${setting} = ${Number(sqlite.pragma(setting, { simple: true }))}`);
    configureWritingConnection(sibling);
  } catch (error) {
    sibling.close();
    throw error;
  }
  rememberNativeBinding(sibling, nativeBinding);
  return sibling;
}
