import { expect } from 'vitest';

/** The third transport argument of a write: the request id of the user action (see use-operation-mutation.ts). */
export const withRequestId = expect.objectContaining({ requestId: expect.stringMatching(/^[A-Za-z0-9_.:-]{8,128}$/) });
