import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one operation (one attempt of its transaction) has read once and may read again without asking the
 * database: the district's deadline settings and court calendar, read by several steps of one write (the
 * decision, the case's derived columns, the case detail of its answer). Made fresh by each engine's
 * DistrictDatabase.run for every attempt; forgotten when a write transaction begins on the file (another
 * process may have written in between) and when the operation changes the settings itself.
 */
const memos = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

export function withOperationMemo<T>(work: () => T): T {
  return memos.run(new Map(), work);
}

/** `load()` once per operation under `key`; outside an operation (a test calling a service) every time. */
export function memoized<T>(key: string, load: () => Promise<T>): Promise<T> {
  const memo = memos.getStore();
  if (!memo) return load();
  const known = memo.get(key);
  if (known) return known as Promise<T>;
  const loading = load();
  memo.set(key, loading);
  // A failed read is not remembered.
  loading.catch(() => memo.delete(key));
  return loading;
}

/** Forgets what this operation read (its settings changed, or a transaction began that may see newer data). */
export function forgetOperationMemo(): void {
  memos.getStore()?.clear();
}
