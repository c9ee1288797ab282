import { useTranslation } from 'react-i18next';
import type { HandoffQueue } from '../../../../shared/cjib/handoff-schemas';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatInstant } from '../../i18n/format';
import { downloadBatchFiles } from './download-batch';
import { ActionButton, ActionReason } from '../../components/ActionButton';

/** The batches made so far, newest first, each downloadable again byte for byte. */
export function BatchesTable({ batches, onDownloaded }: { batches: HandoffQueue['batches']; onDownloaded: (message: string) => void }) {
  const { t } = useTranslation();
  const resend = useOperationMutation('cjib.resend', {
    onSuccess: (files) => {
      downloadBatchFiles(files);
      onDownloaded(t('handoff.redownloaded', { batchUid: files.batchUid }));
    },
  });
  return (
    <section aria-labelledby="handoff-batches">
      <h2 id="handoff-batches">{t('handoff.batchesTitle')}</h2>
      {resend.isError && <ErrorPanel error={resend.error} />}
      <ActionReason mutation={resend} id="handoff-resend-unavailable" />
      {batches.length === 0 ? (
        <p>{t('handoff.noBatches')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="handoff-batches">
            <caption>{t('handoff.batchesCaption', { count: batches.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('handoff.colBatch')}</th>
                <th scope="col">{t('handoff.colCreatedAt')}</th>
                <th scope="col">{t('handoff.colCreatedBy')}</th>
                <th scope="col">{t('handoff.colCount')}</th>
                <th scope="col">{t('handoff.colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => (
                <tr key={batch.batchUid}>
                  <th scope="row">
                    <code>{batch.batchUid}</code>
                  </th>
                  <td>{formatInstant(batch.createdAt)}</td>
                  <td>{batch.createdBy}</td>
                  <td>{batch.decisionCount}</td>
                  <td>
                    <ActionButton
                      mutation={resend}
                      reasonId="handoff-resend-unavailable"
                      onClick={() => resend.mutate({ batchUid: batch.batchUid })}
                      aria-label={t('handoff.redownloadFor', { batchUid: batch.batchUid })}
                    >
                      {t('handoff.redownload')}
                    </ActionButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
