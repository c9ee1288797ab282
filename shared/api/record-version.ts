import { z } from 'zod';

/**
 * Optimistic locking (no lost updates): every read of a versioned record carries its `version`; an
 * edit sends it back as `expectedVersion`, and a stale edit is refused with CONFLICT
 * (server/services/context/versions.ts).
 */
export const versionSchema = z.number().int().positive();

/** The version the edit started from. */
export const expectedVersionSchema = z.number().int().positive();
