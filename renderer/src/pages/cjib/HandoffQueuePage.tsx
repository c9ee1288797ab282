import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HandoffGroup } from '../../../../shared/cjib/handoff-schemas';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ExportButton } from '../../components/ExportButton';
import { usePageTitle } from '../../components/usePageTitle';
import { BatchesTable } from './BatchesTable';
import { downloadBatchFiles } from './download-batch';
import { HandoffTable } from './HandoffTable';
import { ActionButton } from '../../components/ActionButton';

/** The order of the page: what can go now, what needs work, what waits for time, what CJIB sent back, what is out. */
const GROUP_ORDER: readonly HandoffGroup[] = ['ready', 'blocked', 'waiting', 'returned', 'sent'];

/** Every hand-off to CJIB until it is acknowledged: countdowns, missing fields, export, returns and batches. */
export function HandoffQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('handoff.title'));
  const [status, setStatus] = useState('');
  const query = useOperationQuery('cjib.queue', {}, { refetchInterval: 60_000 });
  const exportBatch = useOperationMutation('cjib.export', {
    onSuccess: (files) => {
      downloadBatchFiles(files);
      setStatus(t('handoff.exported', { batchUid: files.batchUid, count: files.decisionCount, json: files.json.fileName, csv: files.csv.fileName }));
    },
  });
  const queue = query.data;
  const ready = queue?.counts.ready ?? 0;
  return (
    <div className="handoff-page">
      <h1>{t('handoff.title')}</h1>
      <p>{t('handoff.intro')}</p>
      <p>
        <Link to="/overdracht/antwoorden">{t('handoff.importLink')}</Link>
      </p>
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      <p role="status" aria-live="polite">
        {status}
      </p>
      {queue && (
        <>
          <p>{t('handoff.counts', queue.counts)}</p>
          <ExportButton request={{ list: 'handoffQueue', filters: {} }} disabled={queue.items.length === 0} />
          <section aria-labelledby="handoff-export">
            <h2 id="handoff-export">{t('handoff.exportTitle')}</h2>
            <p>{t('handoff.exportText')}</p>
            {ready === 0 ? (
              <p>{t('handoff.exportNone')}</p>
            ) : (
              <div className="actions">
                <ActionButton mutation={exportBatch} onClick={() => exportBatch.mutate({})}>
                  {t('handoff.exportButton', { count: ready })}
                </ActionButton>
              </div>
            )}
            {exportBatch.isError && <ErrorPanel error={exportBatch.error} />}
          </section>
          {GROUP_ORDER.map((group) => (
            <HandoffTable
              key={group}
              group={group}
              items={queue.items.filter((i) => i.group === group)}
              onReworked={(parketnummer) => setStatus(t('handoff.reworkDone', { parketnummer }))}
            />
          ))}
          <BatchesTable batches={queue.batches} onDownloaded={setStatus} />
        </>
      )}
    </div>
  );
}
