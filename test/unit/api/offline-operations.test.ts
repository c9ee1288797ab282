import { describe, expect, it } from 'vitest';
import { describeQueued } from '../../../server/desktop/offline-subjects';
import { contract, type OperationName } from '../../../shared/api/contract';
import { OFFLINE_OPERATIONS, offlineRefusal } from '../../../shared/api/offline-operations';
import { OPERATION_KINDS } from '../../../shared/api/operation-kinds';

/** Issue 14 (docs/offline.md): what a connected desktop may do without its district server, decided per operation. */
const operations = Object.keys(contract) as OperationName[];

describe('the offline policy', () => {
  it('classifies every operation of the contract, and nothing else', () => {
    expect(Object.keys(OFFLINE_OPERATIONS).sort()).toEqual([...operations].sort());
  });

  it('answers reads from the copy, and queues or refuses every write', () => {
    for (const operation of operations) {
      const { offline } = OFFLINE_OPERATIONS[operation];
      if (OPERATION_KINDS[operation] === 'write') expect([operation, offline]).toEqual([operation, expect.stringMatching(/^(queue|online-only)$/)]);
      else expect([operation, offline]).toEqual([operation, expect.stringMatching(/^(read|online-only)$/)]);
    }
  });

  it('gives every online-only operation a Dutch reason the refusal names', () => {
    for (const operation of operations) {
      const policy = OFFLINE_OPERATIONS[operation];
      if (policy.offline !== 'online-only') continue;
      expect([operation, policy.reason.length >= 20, /[.!?]$/.test(policy.reason)]).toEqual([operation, true, false]);
      expect(offlineRefusal(policy.reason)).toBe(`Niet mogelijk zonder verbinding met de districtsserver: ${policy.reason}.`);
    }
  });

  it('queues the work people do where the network drops, and keeps planning and new cases on the server', () => {
    const queued = operations.filter((operation) => OFFLINE_OPERATIONS[operation].offline === 'queue');
    expect(queued).toEqual(expect.arrayContaining(['outcomes.record', 'outcomes.correct', 'zsm.decide', 'reservations.reserve', 'reservations.release', 'cases.setPrecondition']));
    for (const operation of ['planner.run', 'sessions.cancel', 'cases.create', 'cases.import', 'zsm.decideMany', 'history.undo', 'settings.update'] as const) {
      expect([operation, OFFLINE_OPERATIONS[operation].offline]).toEqual([operation, 'online-only']);
    }
  });

  it('describes every queued write in Dutch, with the row it is about', () => {
    const lookup = <T,>(): T | undefined => undefined;
    for (const operation of operations) {
      if (OFFLINE_OPERATIONS[operation].offline !== 'queue') continue;
      const described = describeQueued(operation, { caseId: 7, hearingId: 8, decisionId: 9, sessionId: 10, reservationId: 11, key: 'k', slots: 2, record: { hearingId: 8 }, summary: 'x' }, lookup);
      expect([operation, described.summary === operation]).toEqual([operation, false]);
      if (operation !== 'sync.resolveConflict') expect([operation, described.subject]).toEqual([operation, { table: expect.any(String), key: expect.any(String) }]);
    }
  });
});
