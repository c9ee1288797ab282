// @ts-check
import fs from 'node:fs';
import path from 'node:path';

/**
 * The message catalog as the lint rules see it: every dotted key with its kind ('string' for a message,
 * 'object' for a group of messages). i18next's plural forms (`days_one`, `days_other`) stay separate keys;
 * `resolveKey` applies the suffixes the way i18next does when a `count` is passed.
 */

/** @typedef {Map<string, 'string' | 'object'>} Catalog */

const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'];

/** @type {Map<string, { mtimeMs: number; catalog: Catalog }>} */
const cache = new Map();

/**
 * Reads (and caches per file version) the catalog at `file`, plus namespaces merged in at run time
 * (their keys are taken as existing strings: see renderer/src/i18n/i18n.ts).
 * @param {string} file
 * @param {readonly string[]} runtimeNamespaces
 * @returns {Catalog}
 */
export function loadCatalog(file, runtimeNamespaces = []) {
  const absolute = path.resolve(file);
  const { mtimeMs } = fs.statSync(absolute);
  const hit = cache.get(absolute);
  if (hit && hit.mtimeMs === mtimeMs) return hit.catalog;
  /** @type {Catalog} */
  const catalog = new Map();
  const walk = (/** @type {Record<string, unknown>} */ node, /** @type {string} */ prefix) => {
    for (const [name, value] of Object.entries(node)) {
      const key = prefix ? `${prefix}.${name}` : name;
      if (value !== null && typeof value === 'object') {
        catalog.set(key, 'object');
        walk(/** @type {Record<string, unknown>} */ (value), key);
      } else {
        catalog.set(key, 'string');
      }
    }
  };
  walk(JSON.parse(fs.readFileSync(absolute, 'utf8')), '');
  for (const namespace of runtimeNamespaces) if (!catalog.has(namespace)) catalog.set(namespace, 'object');
  cache.set(absolute, { mtimeMs, catalog });
  return catalog;
}

/** The runtime namespace a key falls in, if any. */
function runtimeNamespaceOf(/** @type {string} */ key, /** @type {readonly string[]} */ runtimeNamespaces) {
  return runtimeNamespaces.find((namespace) => key.startsWith(`${namespace}.`));
}

/**
 * What `t(key)` gives: 'string', 'plural' (only the plural forms exist: needs a count), 'object'
 * (a group of messages, not a message) or 'missing'.
 * @param {Catalog} catalog
 * @param {string} key
 * @param {readonly string[]} runtimeNamespaces
 * @returns {'string' | 'plural' | 'object' | 'missing'}
 */
export function resolveKey(catalog, key, runtimeNamespaces = []) {
  const kind = catalog.get(key);
  if (kind) return kind;
  if (runtimeNamespaceOf(key, runtimeNamespaces)) return 'string';
  if (PLURAL_SUFFIXES.some((suffix) => catalog.get(`${key}${suffix}`) === 'string')) return 'plural';
  return 'missing';
}

/**
 * Whether a dynamic key (`prefix.${x}`, given as a pattern) can resolve: its static prefix must be a group of
 * the catalog (or a runtime namespace) and at least one message must match the whole pattern.
 * @param {Catalog} catalog
 * @param {RegExp} pattern whole-key pattern
 * @param {string} prefix the static text before the first expression (ends in a dot)
 * @param {readonly string[]} runtimeNamespaces
 * @returns {'ok' | 'unknown-prefix' | 'no-match'}
 */
export function resolveDynamicKey(catalog, pattern, prefix, runtimeNamespaces = []) {
  const group = prefix.slice(0, -1);
  if (runtimeNamespaces.includes(group) || runtimeNamespaceOf(prefix, runtimeNamespaces)) return 'ok';
  if (catalog.get(group) !== 'object') return 'unknown-prefix';
  for (const [key, kind] of catalog) {
    if (kind !== 'string' || !key.startsWith(prefix)) continue;
    const base = PLURAL_SUFFIXES.reduce((k, suffix) => (k.endsWith(suffix) ? k.slice(0, -suffix.length) : k), key);
    if (pattern.test(key) || pattern.test(base)) return 'ok';
  }
  return 'no-match';
}
