import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, OPERATION_NAMES } from '../../../shared/api/contract';

/**
 * Issue 12 item 7: every string, array and record in an operation's input has a maximum, and every
 * object refuses unknown keys. Read from the JSON Schema zod derives from the contract.
 */

type JsonSchema = Record<string, unknown>;

/** An anchored pattern without open-ended repetition (^\d{4}$) bounds its string by itself. */
function boundedPattern(pattern: unknown): boolean {
  return typeof pattern === 'string' && pattern.startsWith('^') && pattern.endsWith('$') && !/[*+]|\{\d+,\}/.test(pattern);
}

function problemsOf(schema: unknown, path: string): string[] {
  if (!schema || typeof schema !== 'object') return [];
  if (Array.isArray(schema)) return schema.flatMap((part) => problemsOf(part, path));
  const s = schema as JsonSchema;
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : s.type;
  const problems: string[] = [];
  if (type === 'string' && s.maxLength === undefined && s.enum === undefined && s.const === undefined && !boundedPattern(s.pattern)) {
    problems.push(`${path}: text without a maximum length`);
  }
  if (type === 'array' && s.maxItems === undefined) problems.push(`${path}: list without a maximum number of items`);
  if (type === 'object') {
    if (s.propertyNames !== undefined) {
      const keys = s.propertyNames as JsonSchema;
      if (keys.maxLength === undefined && !boundedPattern(keys.pattern)) problems.push(`${path}: record with unbounded keys`);
    } else if (s.additionalProperties !== false) {
      problems.push(`${path}: object accepts unknown keys (not .strict())`);
    }
  }
  for (const [key, value] of Object.entries(s)) {
    if (key === 'properties') for (const [name, property] of Object.entries(value as JsonSchema)) problems.push(...problemsOf(property, `${path}.${name}`));
    else if (key === 'items') problems.push(...problemsOf(value, `${path}[]`));
    else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf' || key === 'prefixItems') problems.push(...problemsOf(value, path));
    else if (key === 'additionalProperties' && typeof value === 'object') problems.push(...problemsOf(value, `${path}{}`));
  }
  return problems;
}

describe('every input of the contract is bounded', () => {
  it.each(OPERATION_NAMES)('%s: strings, lists and records have a maximum; objects are strict', (operation) => {
    const schema = z.toJSONSchema(contract[operation].input, { io: 'input', unrepresentable: 'any' });
    expect(problemsOf(schema, operation)).toEqual([]);
  });

  it('the checker itself notices an unbounded string, list and loose object', () => {
    const loose = z.toJSONSchema(z.object({ a: z.string(), b: z.array(z.number()), c: z.object({}) }), { io: 'input' });
    expect(problemsOf(loose, 'x')).toEqual([
      'x: object accepts unknown keys (not .strict())',
      'x.a: text without a maximum length',
      'x.b: list without a maximum number of items',
      'x.c: object accepts unknown keys (not .strict())',
    ]);
  });
});
