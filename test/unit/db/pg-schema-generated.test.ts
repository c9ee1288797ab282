import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PG_SCHEMA_PATH, renderPgSchema } from '../../../scripts/db/pg-schema-source';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** db/pg/schema.ts is derived from db/schema.ts (ADR 25): the committed text is what the generator writes now. */
describe('the generated PostgreSQL schema', () => {
  it('is what scripts/db/generate-pg-schema.ts writes from db/schema.ts', () => {
    const committed = fs.readFileSync(path.join(ROOT, PG_SCHEMA_PATH), 'utf8');
    expect(committed === renderPgSchema(), `${PG_SCHEMA_PATH} is out of date: run npm run db:pg-schema (then npm run db:generate:pg)`).toBe(true);
  });

  it('maps the columns as ADR 25 says', () => {
    const text = renderPgSchema();
    expect(text).toMatch(/^\/\/ GENERATED from db\/schema\.ts/);
    expect(text).toContain(`id: integer('id').primaryKey().generatedByDefaultAsIdentity(),`);
    expect(text).toContain(`amountCents: bigint('amount_cents', { mode: 'number' }),`);
    expect(text).toContain(`shortTermConsent: boolean('short_term_consent').notNull().default(false),`);
    expect(text).toContain(`value: jsonText('value').notNull(),`);
    expect(text).toContain(`createdAt: text('created_at').notNull().default(sql\`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')\`),`);
    expect(text).toContain(`check('person_role_ck', sql\`\${t.role} in ('politierechter', 'rc_politierechter', 'ovj')\`),`);
    expect(text).toContain(`parketnummer: text('parketnummer').notNull().unique('criminal_case_parketnummer_unique'),`);
  });
});
