/**
 * Re-applying an edit after a conflict (no lost updates): the record was reloaded from `base` to
 * `fresh` while the user's `draft` was open. Every field the user changed keeps the user's value; every
 * field the user left alone takes the fresh value, so saving again never reverts someone else's change.
 * Values are plain form data (text, numbers, flags, lists, plain objects).
 */
export function rebaseDraft<T extends Record<string, unknown>>(draft: T, base: T, fresh: T): T {
  const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
  const keys = new Set([...Object.keys(fresh), ...Object.keys(draft)]);
  return Object.fromEntries([...keys].map((key) => [key, same(draft[key], base[key]) ? fresh[key] : draft[key]])) as T;
}
