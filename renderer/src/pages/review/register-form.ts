import type { z } from 'zod';

/** Client-side check with the contract's schema: the first message per field, keyed by field name. */
export function fieldErrors<S extends z.ZodType>(schema: S, value: unknown): { data?: z.output<S>; errors: Record<string, string> } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { data: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { errors };
}
