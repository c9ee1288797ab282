import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { HEARD_MODALITIES, type HeardModality } from '../../../../shared/domain/modality';
import { useApi } from '../../api/api-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SelectField } from '../../components/FormField';
import { QueueRowCells } from './QueueRowCells';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 52;

/** The planning queue: every case awaiting planning, a virtual list over server pages so 50,000 rows stay smooth. */
export function WorkQueuePage() {
  const { t } = useTranslation();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const modality = (HEARD_MODALITIES as readonly string[]).includes(params.get('modaliteit') ?? '') ? (params.get('modaliteit') as HeardModality) : undefined;
  const policeUnit = params.get('eenheid') || undefined;
  const readinessParam = params.get('gereed');
  const readiness = readinessParam === 'ready' || readinessParam === 'waiting' ? readinessParam : undefined;

  const query = useInfiniteQuery({
    queryKey: ['queue.list', modality, policeUnit, readiness],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => api.call('queue.list', { modality, policeUnit, readiness, offset: pageParam, limit: PAGE_SIZE }),
    getNextPageParam: (last) => (last.offset + last.rows.length < last.total ? last.offset + last.rows.length : undefined),
    refetchInterval: 60_000,
  });
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const policeUnits = query.data?.pages[0]?.policeUnits ?? [];

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - 1 && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
  }, [lastIndex, rows.length, query]);

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
      <h1>{t('queue.title')}</h1>
      <p>{t('queue.intro')}</p>
      <form className="filters" aria-label={t('queue.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('queue.modality')}
          value={modality ?? ''}
          onChange={(v) => setFilter('modaliteit', v)}
          placeholder={t('queue.all')}
          options={HEARD_MODALITIES.map((m) => ({ value: m, label: t(`modality.${m}`) }))}
        />
        <SelectField
          label={t('queue.policeUnit')}
          value={policeUnit ?? ''}
          onChange={(v) => setFilter('eenheid', v)}
          placeholder={t('queue.all')}
          options={policeUnits.map((u) => ({ value: u, label: u }))}
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
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && (
        <>
          <p role="status" data-testid="queue-count">
            {t('queue.count', { count: total })}
          </p>
          {total === 0 ? (
            <p>{t('queue.empty')}</p>
          ) : (
            <div ref={scrollRef} className="queue-scroll" tabIndex={0} role="region" aria-label={t('queue.tableLabel', { count: total })}>
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
                    const row = rows[item.index];
                    return (
                      <tr key={item.key} aria-rowindex={item.index + 2} data-case-id={row?.id}>
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
