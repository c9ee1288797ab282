import { defineConfig } from 'drizzle-kit';

// The district server's PostgreSQL schema (ADR 25): db/pg/schema.ts is generated from db/schema.ts
// (`npm run db:pg-schema`); its migrations go to db/pg-migrations (`npm run db:generate:pg`).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/pg/schema.ts',
  out: './db/pg-migrations',
});
