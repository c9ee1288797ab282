import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { WorkQueuePage as QueuePage } from '../../../../shared/api/case-schemas';
import { MODALITIES, type Modality } from '../../../../shared/domain/modality';
import { useApi } from '../../api/api-context';
import { operationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SelectField } from '../../components/FormField';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../i18n/format';
import { CaseSearch } from './CaseSearch';
import { QueueRowCells } from './QueueRowCells';

const PAGE_SIZE = 200;
const ESTIMATED_ROW_HEIGHT = 80;

export type QueueStage = 'intake' | 'planning';

/**
 * A queue of cases, nearest binding limit first: new cases awaiting their ZSM decision ('intake'),
 * or cases awaiting a session ('planning'). A virtual list over server pages: only the pages under
 * the visible rows are fetched and kept fresh, so 50,000 rows stay smooth.
 */
export function WorkQueuePage({ stage }: { stage: QueueStage }) {
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
      <h1>{t(`queue.${stage}Title`)}</h1>
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
                      <td colSpan={7} style={{ height: top, padding: 0, border: 0 }} />
                    </tr>
                  )}
                  {items.map((item) => {
                    const row = rowAt(item.index);
                    return (
                      <tr key={item.key} data-index={item.index} ref={virtualizer.measureElement} aria-rowindex={item.index + 2} data-case-id={row?.id}>
                        {row ? <QueueRowCells row={row} /> : <td colSpan={7}>{t('queue.loadingMore')}</td>}
                      </tr>
                    );
                  })}
                  {bottom > 0 && (
                    <tr aria-hidden="true">
                      <td colSpan={7} style={{ height: bottom, padding: 0, border: 0 }} />
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
