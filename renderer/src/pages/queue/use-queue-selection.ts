import { useCallback, useRef, useState } from 'react';
import { BULK_MAX_ITEMS } from '../../../../shared/api/contract';

/** A selected case as the bulk action sends it: the version it was last shown at, and its parketnummer for the result. */
interface SelectedCase {
  version: number;
  parketnummer: string;
  /** The list page it was last seen on (a virtual list loads only the pages under the visible rows). */
  page: number;
}

export type Selection = ReadonlyMap<number, SelectedCase>;

/** What the selection reads of a listed case (a queue row, a court roll row mapped to its case). */
interface SelectableRow {
  id: number;
  version: number;
  parketnummer: string;
}

/** One loaded page of a list: the queue loads pages as they scroll into view; a court roll is one page. */
export interface SelectablePage {
  rows: readonly SelectableRow[];
}

/**
 * The cases ticked in a list of cases (the queues' lists, a session's court roll). It lives in the page's state: it survives the list's refetches and
 * ends when the page is left. When a loaded page no longer holds a selected case (decided, planned,
 * filtered out), the case drops out; a case on a page that is not loaded (scrolled far away) stays.
 * Each selected case's version follows the list as it is refetched: the bulk action sends the version
 * the user last saw. Shift-click ticks the range from the previous click (over the loaded rows).
 */
export function useQueueSelection(pageData: ReadonlyMap<number, SelectablePage | undefined>, pageSize: number) {
  const [selected, setSelected] = useState<Selection>(new Map());
  const anchor = useRef<number | null>(null);

  // When the list data changes (a refetch, another filter, a page scrolled into view), the selection
  // follows it: adjusted during render (React's pattern for state derived from changing input), so no
  // stale selection is ever shown.
  const loaded = [...pageData.entries()].filter((entry): entry is [number, SelectablePage] => entry[1] !== undefined);
  const fingerprint = loaded.map(([p, d]) => `${p}:${d.rows.map((r) => `${r.id}.${r.version}`).join(',')}`).join('|');
  const [seen, setSeen] = useState(fingerprint);
  if (seen !== fingerprint) {
    setSeen(fingerprint);
    const next = followList(selected, loaded);
    if (next !== selected) setSelected(next);
  }

  const rowAt = useCallback(
    (index: number) => pageData.get(Math.floor(index / pageSize))?.rows[index % pageSize],
    [pageData, pageSize],
  );

  /** Ticks or unticks the row at `index`; with `range` (shift-click) every loaded row from the previous click too. */
  const toggle = (index: number, checked: boolean, range: boolean) => {
    const from = range && anchor.current !== null ? Math.min(anchor.current, index) : index;
    const to = range && anchor.current !== null ? Math.max(anchor.current, index) : index;
    anchor.current = index;
    setSelected((previous) => {
      const next = new Map(previous);
      for (let i = from; i <= to; i++) {
        const row = rowAt(i);
        if (!row) continue;
        if (checked) next.set(row.id, { version: row.version, parketnummer: row.parketnummer, page: Math.floor(i / pageSize) });
        else next.delete(row.id);
      }
      return next;
    });
  };

  /** Every row loaded (the list as far as it is shown), at most as many as one bulk action takes. */
  const shownRows = loaded.flatMap(([page, data]) => data.rows.map((row) => ({ row, page })));
  const allShownSelected = shownRows.length > 0 && shownRows.slice(0, BULK_MAX_ITEMS).every(({ row }) => selected.has(row.id));
  const toggleAllShown = () => {
    anchor.current = null;
    setSelected(() => {
      if (allShownSelected) return new Map();
      const next = new Map<number, SelectedCase>();
      for (const { row, page } of shownRows.slice(0, BULK_MAX_ITEMS)) next.set(row.id, { version: row.version, parketnummer: row.parketnummer, page });
      return next;
    });
  };

  /** Keeps only these cases selected (after a bulk action: the ones that were refused). */
  const keepOnly = (ids: readonly number[]) => setSelected((previous) => new Map([...previous].filter(([id]) => ids.includes(id))));
  const clear = () => {
    anchor.current = null;
    setSelected(new Map());
  };

  return { selected, toggle, toggleAllShown, allShownSelected, someSelected: selected.size > 0, keepOnly, clear };
}

/** The selection as a bulk operation's items. */
export function selectionItems(selected: Selection) {
  return [...selected].map(([caseId, item]) => ({ caseId, expectedVersion: item.version }));
}

/** The selection after the list changed: versions as now shown; a case gone from a loaded page it was on drops out. */
function followList(selected: Selection, loaded: readonly (readonly [number, SelectablePage])[]): Selection {
  const rows = new Map<number, { row: SelectableRow; page: number }>();
  const pages = new Set<number>();
  for (const [page, data] of loaded) {
    pages.add(page);
    data.rows.forEach((row) => rows.set(row.id, { row, page }));
  }
  let changed = false;
  const next = new Map<number, SelectedCase>();
  for (const [id, item] of selected) {
    const seen = rows.get(id);
    if (seen) {
      if (seen.row.version !== item.version || seen.page !== item.page) changed = true;
      next.set(id, { version: seen.row.version, parketnummer: seen.row.parketnummer, page: seen.page });
    } else if (pages.has(item.page)) {
      changed = true; // gone from the list it was on
    } else {
      next.set(id, item);
    }
  }
  return changed ? next : selected;
}
