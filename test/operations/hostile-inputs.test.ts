import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, OPERATION_NAMES } from '../../shared/api/contract';
import { isWriteOperation } from '../../shared/api/operation-kinds';
import { SMALL_DEMO, SMALL_DEMO_NOW } from '../support/demo-database';
import { tableCounts, writeMark, writtenSince } from '../support/district-writes';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { useTempDir } from '../support/temp-dir';

/**
 * Issue 12 item 7: no input can make the back end fail (INTERNAL, HTTP 500) or change the district.
 * Every operation of the contract gets hostile inputs through the api handler on a demo district, on
 * both engines.
 */

const tempDir = useTempDir();
let opened: TestDistrict | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

async function openDistrict(): Promise<TestDistrict> {
  opened = await openTestDistrict(tempDir(), SMALL_DEMO);
  return opened;
}

const MEGABYTE = 'x'.repeat(1_000_000);
const HUGE_ARRAY = Array.from({ length: 100_000 }, (_, i) => i + 1);
const HUGE_STRING_ARRAY = Array.from({ length: 100_000 }, () => 'a');
const UNKNOWN_KEYS = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, i]));
function nested(depth: number): unknown {
  let value: unknown = { leaf: MEGABYTE.slice(0, 100) };
  for (let i = 0; i < depth; i += 1) value = { inner: value, list: [value] };
  return value;
}
const NESTED = nested(200);

/** Values put in place of a field (and given as the whole input). */
const HOSTILE_VALUES: [string, unknown][] = [
  ['null', null],
  ['1 MB string', MEGABYTE],
  ['100,000 numbers', HUGE_ARRAY],
  ['100,000 strings', HUGE_STRING_ARRAY],
  ['10,000 unknown keys', UNKNOWN_KEYS],
  ['nested objects', NESTED],
  ['huge number', 1e308],
  ['negative number', -1],
  ['largest safe integer', Number.MAX_SAFE_INTEGER],
  ['empty string', ''],
  ['boolean', true],
];

/** The field names of an operation's input object (through refinements, transforms and pipes). */
function fieldNames(schema: z.ZodType): string[] {
  let def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, unknown>; in?: z.ZodType; innerType?: z.ZodType } } })._zod.def;
  for (let guard = 0; guard < 10; guard += 1) {
    if (def.type === 'object' && def.shape) return Object.keys(def.shape);
    const next = def.in ?? def.innerType;
    if (!next) return [];
    def = (next as unknown as { _zod: { def: typeof def } })._zod.def;
  }
  return [];
}

describe('hostile inputs through the api handler', () => {
  it('every operation refuses hostile input with INVALID_INPUT (never INTERNAL) and nothing in the district changes', { timeout: 240_000 }, async () => {
    const database = await openDistrict();
    const internal: string[] = [];
    const handle = database.api({ actor: 'aanval.test', now: SMALL_DEMO_NOW, onInternalError: (operation, error) => internal.push(`${operation}: ${String(error)}`) });
    const before = await tableCounts(database);
    const mark = await writeMark(database);
    const failures: string[] = [];
    const writesAccepted: string[] = [];

    const attempt = async (operation: string, label: string, input: unknown) => {
      const answer = await handle(operation, input);
      if (!answer.ok && answer.error.code === 'INTERNAL') failures.push(`${operation} (${label}): ${answer.error.message}`);
      if (answer.ok && isWriteOperation(operation as never)) writesAccepted.push(`${operation} (${label})`);
      // The refusal stays small: a hostile input does not come back as megabytes of detail.
      if (!answer.ok) expect(JSON.stringify(answer.error).length, `${operation} (${label})`).toBeLessThan(20_000);
    };

    for (const operation of OPERATION_NAMES) {
      for (const [label, value] of HOSTILE_VALUES) await attempt(operation, `whole input = ${label}`, value);
      await attempt(operation, 'unknown keys next to nothing', UNKNOWN_KEYS);
      const fields = fieldNames(contract[operation].input as z.ZodType);
      for (const field of fields) {
        for (const [label, value] of HOSTILE_VALUES) await attempt(operation, `${field} = ${label}`, { [field]: value });
      }
      // All fields hostile at once, and each field hostile next to an unknown key.
      if (fields.length === 0) continue;
      for (const [label, value] of HOSTILE_VALUES) {
        await attempt(operation, `every field = ${label}`, Object.fromEntries(fields.map((field) => [field, value])));
        await attempt(operation, `every field = ${label} + unknown key`, { ...Object.fromEntries(fields.map((field) => [field, value])), unknownField: 1 });
      }
    }

    expect(failures).toEqual([]);
    expect(internal).toEqual([]);
    expect(writesAccepted).toEqual([]);
    expect(await tableCounts(database)).toBe(before);
    expect(await writtenSince(database, mark)).toBe(0);
  });

  it('a null input is refused for every operation; an absent one only where the operation has required fields', async () => {
    const database = await openDistrict();
    const handle = database.api({ actor: 'aanval.test', now: SMALL_DEMO_NOW });
    for (const operation of OPERATION_NAMES) {
      const answer = await handle(operation, null);
      expect(answer.ok, operation).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code, operation).toBe('INVALID_INPUT');
        expect(answer.error.message).toMatch(/De invoer ontbreekt/);
      }
      // Absent input counts as {}: the same answer as an empty object.
      const requiresFields = !contract[operation].input.safeParse({}).success;
      if (requiresFields) {
        const absent = await handle(operation, undefined);
        expect(absent.ok, operation).toBe(false);
        if (!absent.ok) expect(absent.error.code, operation).toBe('INVALID_INPUT');
      }
    }
    const district = await handle('district.get', undefined);
    expect(district.ok).toBe(true);
  });

  it('cjib.export with 40,000 ids is refused by its bound (it gave "too many SQL variables", HTTP 500)', async () => {
    const database = await openDistrict();
    const handle = database.api({ actor: 'aanval.test', now: SMALL_DEMO_NOW });
    const answer = await handle('cjib.export', { handoffIds: Array.from({ length: 40_000 }, (_, i) => i + 1) }, { requestId: 'hostile-export-0001' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('INVALID_INPUT');
      expect(answer.error.message).toContain('hoogstens 5000 beslissingen');
    }
    // At the bound: answered (not a crash), whatever the ids.
    const atBound = await handle('cjib.export', { handoffIds: Array.from({ length: 5000 }, (_, i) => i + 1) }, { requestId: 'hostile-export-0002' });
    expect(atBound.ok || atBound.error.code !== 'INTERNAL').toBe(true);
  });

  it('settings.update refuses unknown setting keys (it stored 100,000 of them)', async () => {
    const database = await openDistrict();
    const handle = database.api({ actor: 'aanval.test', now: SMALL_DEMO_NOW });
    const overview = await handle('settings.get', {});
    if (!overview.ok) throw new Error(overview.error.message);
    const settings = overview.value as { values: Record<string, unknown>; version: number };
    const base = { deadlines: settings.values, equivalentDaysByYear: {}, reason: 'Bevestigd door de raad', expectedVersion: settings.version };
    const junk = Array.from({ length: 100_000 }, (_, i) => `onbekend${i}`);
    for (const [index, input] of [
      { ...base, confirmed: junk },
      { ...base, confirmed: ['geenInstelling'] },
      { ...base, confirmed: [], deadlines: { ...settings.values, extra: 1 } },
      { ...base, confirmed: [], equivalentDaysByYear: Object.fromEntries(junk.slice(0, 1000).map((key) => [key, []])) },
      { ...base, confirmed: [], equivalentDaysByYear: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [String(2000 + i), []])) },
    ].entries()) {
      const answer = await handle('settings.update', input, { requestId: `hostile-settings-${index}` });
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('INVALID_INPUT');
    }
    const stored = await database.row<{ n: number }>("select length(value) as \"n\" from district_setting where key = 'deadlines.confirmed'");
    expect(stored?.n ?? 0).toBeLessThan(1000);
  });
});
