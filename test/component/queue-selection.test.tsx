import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WorkQueuePage, WorkQueueRow } from '../../shared/api/case-schemas';
import { selectionItems, useQueueSelection } from '../../renderer/src/pages/queue/use-queue-selection';

/** A queue row with only what the selection reads filled in. */
const row = (id: number, version = 1): WorkQueueRow => ({ id, version, parketnummer: `19/${id}-26` }) as WorkQueueRow;
const page = (...rows: WorkQueueRow[]): WorkQueuePage => ({ total: rows.length, offset: 0, policeUnits: [], rows });
const PAGE_SIZE = 2;

describe('the selection of a queue list (issue 15, bulk work)', () => {
  it('ticks by click and shift-click range, follows refetches, drops cases gone from their page, keeps those on pages not loaded', () => {
    let pages = new Map<number, WorkQueuePage | undefined>([
      [0, page(row(1), row(2))],
      [1, page(row(3), row(4))],
    ]);
    const { result, rerender } = renderHook(() => useQueueSelection(pages, PAGE_SIZE));
    act(() => result.current.toggle(0, true, false));
    act(() => result.current.toggle(2, true, true)); // shift-click: rows 0..2
    expect(selectionItems(result.current.selected)).toEqual([
      { caseId: 1, expectedVersion: 1 },
      { caseId: 2, expectedVersion: 1 },
      { caseId: 3, expectedVersion: 1 },
    ]);

    // A refetch: case 2 changed (new version), case 1 left the list; page 1 scrolled out of view (not loaded).
    pages = new Map([[0, page(row(2, 4), row(5))]]);
    rerender();
    expect(selectionItems(result.current.selected)).toEqual([
      { caseId: 2, expectedVersion: 4 },
      { caseId: 3, expectedVersion: 1 },
    ]);

    // While a page is loading, nothing drops out.
    pages = new Map([[0, undefined]]);
    rerender();
    expect(result.current.selected.size).toBe(2);

    // Unticking with shift-click unticks the range; 'select all shown' ticks every loaded row, again unticks all.
    pages = new Map([[0, page(row(2, 4), row(5))]]);
    rerender();
    act(() => result.current.toggleAllShown());
    expect([...result.current.selected.keys()]).toEqual([2, 5]);
    expect(result.current.allShownSelected).toBe(true);
    act(() => result.current.toggleAllShown());
    expect(result.current.someSelected).toBe(false);

    // After a bulk action only the refused ones stay.
    act(() => result.current.toggleAllShown());
    act(() => result.current.keepOnly([5]));
    expect([...result.current.selected.keys()]).toEqual([5]);
  });
});
