import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openSiblingConnection } from '../../db/sibling-connection';
import { runWriteTransaction, runWriteTransactionApart } from '../../server/services/context/write-transaction';
import { openTestDatabase } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const count = (sqlite: Database.Database) => sqlite.prepare("select count(*) from district_setting where key like 'apart.%'").pluck().get() as number;
const insert = (sqlite: Database.Database, key: string) =>
  sqlite.prepare("insert into district_setting (key, value, updated_at, updated_by) values (?, '1', '2026-06-15T10:00:00.000Z', 'test')").run(key);

describe('a long write on a connection of its own (runWriteTransactionApart, for the case import)', () => {
  it('is seen by nobody on the first connection before it commits, while that connection answers reads; writes there wait for it', async () => {
    const database = await openTestDatabase(tempDir());
    const { sqlite } = database;
    const order: string[] = [];
    let otherWrite: Promise<void> | undefined;

    await runWriteTransactionApart(sqlite, openSiblingConnection, async (own) => {
      insert(own, 'apart.first');
      await nextTurn();
      // Other work runs in between (the import's worker thread answers): a read sees the file as it was.
      expect(count(sqlite)).toBe(0);
      otherWrite = runWriteTransaction(sqlite, () => {
        order.push('other write');
        insert(sqlite, 'apart.other');
      });
      await nextTurn();
      insert(own, 'apart.second');
      await nextTurn();
      expect(count(sqlite)).toBe(0);
      order.push('apart commits');
    });
    await otherWrite;

    expect(order).toEqual(['apart commits', 'other write']);
    expect(count(sqlite)).toBe(3);
    database.close();
  });

  it('rolls everything back when its work fails, closes its connection and lets the next write through', async () => {
    const database = await openTestDatabase(tempDir());
    const { sqlite } = database;
    let used: Database.Database | undefined;

    await expect(
      runWriteTransactionApart(sqlite, openSiblingConnection, async (own) => {
        used = own;
        insert(own, 'apart.lost');
        await nextTurn();
        throw new Error('halfway');
      }),
    ).rejects.toThrow('halfway');

    expect(used?.open).toBe(false);
    expect(count(sqlite)).toBe(0);
    await runWriteTransaction(sqlite, () => insert(sqlite, 'apart.after'));
    expect(count(sqlite)).toBe(1);
    database.close();
  });

  it('refuses to start inside a write on the same file (it would wait for itself)', async () => {
    const database = await openTestDatabase(tempDir());
    const { sqlite } = database;
    await expect(runWriteTransaction(sqlite, () => runWriteTransactionApart(sqlite, openSiblingConnection, async () => 1))).rejects.toThrow('inside a write transaction');
    database.close();
  });

  it('opens no second connection to a database in memory', () => {
    // openTestDatabase gives files; a database in memory has no file for a second connection to share.
    expect(() => openSiblingConnection({ memory: true, readonly: false } as Database.Database)).toThrow('in memory');
  });
});
