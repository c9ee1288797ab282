import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OperationName } from '../../../shared/api/contract';
import { isWriteOperation, OPERATION_KINDS } from '../../../shared/api/operation-kinds';

/**
 * Issues 13 and 14 in the renderer: every write action is disabled, with its Dutch reason, when the
 * person's roles or the offline state do not allow it. useOperationMutation(...) returns `availability`
 * for that; this guard reads the renderer's source and fails when a file starts a write without using
 * it (<ActionButton mutation={x}>, or x.availability), so a new action cannot skip it.
 */
const RENDERER = path.resolve(import.meta.dirname, '../../../renderer/src');
const HOOK_FILE = path.join(RENDERER, 'api/use-operation-mutation.ts');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** What is wrong in one file's source, one line per problem (file and operation named). */
function gatingProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const source = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const calls = [...source.matchAll(/useOperationMutation(?:<[^>(]*>)?\(\s*([^,)\s]+)/g)];
  for (const call of calls) {
    const argument = call[1]!;
    const literal = /^'([\w.]+)'$/.exec(argument);
    if (!literal) {
      problems.push(`${file}: useOperationMutation(${argument}) - give the operation name as a literal, so this check can see whether it is a write`);
      continue;
    }
    const operation = literal[1]!;
    if (!(operation in OPERATION_KINDS)) {
      problems.push(`${file}: useOperationMutation('${operation}') - not an operation`);
      continue;
    }
    if (!isWriteOperation(operation as OperationName)) continue;
    const before = source.slice(0, call.index);
    const variable = /const\s+(\w+)\s*=\s*$/.exec(before)?.[1];
    if (!variable) {
      problems.push(`${file}: useOperationMutation('${operation}') - keep the result in a const and give it to <ActionButton mutation={...}>`);
      continue;
    }
    const word = `\\b${variable}\\b`;
    const used = new RegExp(`mutation=\\{[^}]*${word}[^}]*\\}`).test(source) || new RegExp(`${word}\\.availability\\b`).test(source);
    if (!used) {
      problems.push(`${file}: '${operation}' (${variable}) - its button ignores the person's roles and the offline state: use <ActionButton mutation={${variable}}> (or ${variable}.availability with <UnavailableReason>)`);
    }
    const rawButton = new RegExp(`<button[^>]*disabled=\\{[^}]*${word}\\.isPending`).exec(source);
    if (rawButton) {
      problems.push(`${file}: '${operation}' (${variable}) - a plain <button disabled={${variable}.isPending}> starts it: use <ActionButton mutation={${variable}}>`);
    }
  }
  return problems;
}

describe('every write action in the renderer uses its availability (roles, offline)', () => {
  it('finds no write whose button skips it', () => {
    const files = sourceFiles(RENDERER).filter((file) => file !== HOOK_FILE);
    const problems = files.flatMap((file) => gatingProblems(path.relative(RENDERER, file), fs.readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
    // The check looks at something: the renderer has dozens of write actions.
    const writes = files.filter((file) => /useOperationMutation\('/.test(fs.readFileSync(file, 'utf8')));
    expect(writes.length).toBeGreaterThan(30);
  });

  it('names the file and operation of a write that skips it, and lets reads and gated writes pass', () => {
    const ungated = `const save = useOperationMutation('settings.update');\nreturn <button type="submit" disabled={save.isPending}>Opslaan</button>;`;
    expect(gatingProblems('pages/x/X.tsx', ungated)).toEqual([
      "pages/x/X.tsx: 'settings.update' (save) - its button ignores the person's roles and the offline state: use <ActionButton mutation={save}> (or save.availability with <UnavailableReason>)",
      "pages/x/X.tsx: 'settings.update' (save) - a plain <button disabled={save.isPending}> starts it: use <ActionButton mutation={save}>",
    ]);
    expect(gatingProblems('pages/x/X.tsx', `const save = useOperationMutation('settings.update');\n<ActionButton mutation={save} type="submit">Opslaan</ActionButton>`)).toEqual([]);
    expect(gatingProblems('pages/x/X.tsx', `const find = useOperationMutation('cases.find');\n<button disabled={find.isPending}>Zoeken</button>`)).toEqual([]);
    expect(gatingProblems('pages/x/X.tsx', `return useOperationMutation(operation);`)).toHaveLength(1);
  });
});
