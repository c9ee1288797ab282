import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { WorkQueuePage as QueuePage } from '../../../../shared/api/case-schemas';
import type { OperationOutput } from '../../../../shared/api/contract';
import { MODALITIES, type Modality } from '../../../../shared/domain/modality';
import { useApi } from '../../api/api-context';
import { operationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ExportButton } from '../../components/ExportButton';
import { SelectField } from '../../components/FormField';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../i18n/format';
import { CaseSearch } from './CaseSearch';
import { BulkMoveForm } from './BulkMoveForm';
import { BulkResult, type BulkOutcome } from './BulkResult';
import { BulkZsmForm } from './BulkZsmForm';
import { QueueRowCells } from './QueueRowCells';
import { useQueueSelection } from './use-queue-selection';

const PAGE_SIZE = 200;
const ESTIMATED_ROW_HEIGHT = 80;

export type QueueStage = 'intake' | 'planning';

/**
 * A queue of cases, nearest binding limit first: new cases awaiting their ZSM decision ('intake'),
 * or cases awaiting a session ('planning'). A virtual list over server pages: only the pages under
 * the visible rows are fetched and kept fresh, so 50,000 rows stay smooth.
 */
export function WorkQueuePage({ stage, today = new Date() }: { stage: QueueStage; today?: Date }) {
  const { t } = useTranslation();
  usePageTitle(t(`queue.${stage}Title`));
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const modality = (MODALITIES as readonly string[]).includes(params.get('modaliteit') ?? '') ? (params.get('modaliteit') as Modality) : undefined;
  const policeUnit = params.get('eenheid') || undefined;
  const readinessParam = params.get('gereed');
  const readiness: 'ready' | 'waiting' | undefined = readinessParam === 'ready' || readinessParam === 'waiting' ? readinessParam : undefined;
  const filters = { stage, modality, policeUnit, readiness };

  const scrollRef = useRef<HTMLDivElement>(null);
  const pageQuery = (page: number) =>
    operationQuery(api, 'queue.list', { ...filters, offset: page * PAGE_SIZE, limit: PAGE_SIZE }, { refetchInterval: 60_000 });
  const [first] = useQueries({ queries: [pageQuery(0)] });
  const total = first?.data?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const visiblePages = [...new Set(items.map((item) => Math.floor(item.index / PAGE_SIZE)))].filter((p) => p > 0);
  const pages = useQueries({ queries: visiblePages.map(pageQuery) });
  const pageData = new Map<number, QueuePage>([[0, first?.data as QueuePage]]);
  visiblePages.forEach((p, i) => pages[i]?.data && pageData.set(p, pages[i].data));
  const rowAt = (index: number) => pageData.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE];
  const selection = useQueueSelection(pageData, PAGE_SIZE);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const selectAllRef = useRef<HTMLInputElement | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** The control pressed (clear the selection, close the result) leaves with its panel: focus goes back to the list, not to the page's start. */
  const focusList = () => (selectAllRef.current ?? headingRef.current)?.focus();
  /** After a bulk action: the refused cases stay selected, and the result says which and why. */
  const bulkDone = (kind: BulkOutcome['kind']) => (answer: OperationOutput<'zsm.decideMany'>) => {
    selection.keepOnly(answer.results.filter((r) => !r.ok).map((r) => r.caseId));
    setOutcome({ kind, results: answer.results.map((r) => ({ key: r.caseId, label: r.parketnummer ?? t('queue.bulk.unknownCase', { id: r.caseId }), ok: r.ok, message: r.message })) });
  };

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <>
      <h1 tabIndex={-1} ref={headingRef}>
        {t(`queue.${stage}Title`)}
      </h1>
      <p>{t(`queue.${stage}Intro`)}</p>
      <CaseSearch />
      <form className="filters" aria-label={t('queue.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('queue.modality')}
          value={modality ?? ''}
          onChange={(v) => setFilter('modaliteit', v)}
          placeholder={t('queue.all')}
          options={MODALITIES.map((m) => ({ value: m, label: t(`modality.${m}`) }))}
        />
        <SelectField
          label={t('queue.policeUnit')}
          value={policeUnit ?? ''}
          onChange={(v) => setFilter('eenheid', v)}
          placeholder={t('queue.all')}
          options={(first?.data?.policeUnits ?? []).map((u) => ({ value: u, label: u }))}
        />
        <SelectField
          label={t('queue.readiness')}
          value={readiness ?? ''}
          onChange={(v) => setFilter('gereed', v)}
          placeholder={t('queue.all')}
          options={[
            { value: 'ready', label: t('queue.ready') },
            { value: 'waiting', label: t('queue.waiting') },
          ]}
        />
      </form>
      <ExportButton request={{ list: stage === 'intake' ? 'intake' : 'workQueue', filters: { modality, policeUnit, readiness } }} />
      {first?.isPending && <p role="status">{t('app.loading')}</p>}
      {first?.isError && <ErrorPanel error={first.error} onRetry={() => void first.refetch()} />}
      {first?.isSuccess && (
        <>
          <p role="status" data-testid="queue-count">
            {t('queue.count', { count: total, formatted: formatNumber(total) })}
          </p>
          {total === 0 ? (
            <p>{t('queue.empty')}</p>
          ) : (
            <div
              ref={scrollRef}
              className="queue-scroll"
              tabIndex={0}
              role="region"
              aria-label={t('queue.tableLabel', { count: total, formatted: formatNumber(total) })}
            >
              <table className="queue-table" aria-rowcount={total + 1}>
                <thead>
                  <tr aria-rowindex={1}>
                    <th scope="col" className="select-cell">
                      <input
                        type="checkbox"
                        aria-label={t('queue.bulk.selectAll')}
                        checked={selection.allShownSelected}
                        ref={(box) => {
                          selectAllRef.current = box;
                          if (box) box.indeterminate = selection.someSelected && !selection.allShownSelected;
                        }}
                        onChange={selection.toggleAllShown}
                      />
                    </th>
                    <th scope="col">{t('queue.colCase')}</th>
                    <th scope="col">{t('queue.colSuspect')}</th>
                    <th scope="col">{t('queue.colModality')}</th>
                    <th scope="col">{t('queue.colUnit')}</th>
                    <th scope="col">{t('queue.colLimit')}</th>
                    <th scope="col">{t('queue.colCountdown')}</th>
                    <th scope="col">{t('queue.colReadiness')}</th>
                  </tr>
                </thead>
                <tbody>
                  {top > 0 && (
                    <tr aria-hidden="true">
                      <td colSpan={8} style={{ height: top, padding: 0, border: 0 }} />
                    </tr>
                  )}
                  {items.map((item) => {
                    const row = rowAt(item.index);
                    return (
                      <tr key={item.key} data-index={item.index} ref={virtualizer.measureElement} aria-rowindex={item.index + 2} data-case-id={row?.id}>
                        {row ? (
                          <>
                            <td className="select-cell">
                              <input
                                type="checkbox"
                                aria-label={t('queue.bulk.selectCase', { parketnummer: row.parketnummer })}
                                checked={selection.selected.has(row.id)}
                                onClick={(e) => selection.toggle(item.index, e.currentTarget.checked, e.shiftKey)}
                                onChange={() => undefined}
                              />
                            </td>
                            <QueueRowCells row={row} />
                          </>
                        ) : (
                          <td colSpan={8}>{t('queue.loadingMore')}</td>
                        )}
                      </tr>
                    );
                  })}
                  {bottom > 0 && (
                    <tr aria-hidden="true">
                      <td colSpan={8} style={{ height: bottom, padding: 0, border: 0 }} />
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {outcome && (
        <BulkResult
          outcome={outcome}
          onClose={() => {
            focusList();
            setOutcome(null);
          }}
        />
      )}
      {selection.someSelected && (
        <section className="panel bulk-bar" aria-label={t('queue.bulk.barLabel')} data-testid="bulk-bar">
          <div className="bulk-bar-head">
            <p aria-live="polite">{t('queue.bulk.selected', { count: selection.selected.size })}</p>
            <button
              type="button"
              onClick={() => {
                focusList();
                selection.clear();
              }}
            >
              {t('queue.bulk.clear')}
            </button>
          </div>
          {stage === 'intake' ? (
            <BulkZsmForm selected={selection.selected} onDone={bulkDone('decided')} />
          ) : (
            <BulkMoveForm selected={selection.selected} today={today} onDone={bulkDone('placed')} />
          )}
        </section>
      )}
    </>
  );
}
