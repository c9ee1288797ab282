import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../../../shared/notifications/notification-schemas';
import { byUrgency } from '../../../shared/notifications/notification-order';

const item = (kind: AppNotification['kind'], severity: AppNotification['severity'], dueAt: string): AppNotification =>
  ({ key: `${kind}:x:1:${dueAt}`, kind, severity, dueAt }) as AppNotification;

describe('the order of the notification centre', () => {
  it('puts the most severe first and, within a severity, a detained person before an underfilled session', () => {
    const sorted = [
      item('session_underfilled', 'critical', '2026-06-09T00:00:00.000Z'),
      item('cjib_returned', 'warning', '2026-06-01T00:00:00.000Z'),
      item('detained_near_limit', 'critical', '2026-06-15T00:00:00.000Z'),
      item('session_underfilled', 'critical', '2026-06-08T00:00:00.000Z'),
    ].sort(byUrgency);
    expect(sorted.map((n) => `${n.severity} ${n.kind} ${n.dueAt.slice(0, 10)}`)).toEqual([
      'critical detained_near_limit 2026-06-15',
      'critical session_underfilled 2026-06-08',
      'critical session_underfilled 2026-06-09',
      'warning cjib_returned 2026-06-01',
    ]);
  });
});
