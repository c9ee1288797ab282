import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface BulkOutcome {
  /** Which verb the summary uses: 'n vastgelegd', 'n geplaatst', 'n vrijgegeven', 'n verplaatst', 'n uit de planning gehaald'. */
  kind: 'decided' | 'placed' | 'released' | 'moved' | 'unplanned';
  results: readonly { key: number; label: string; ok: boolean; message?: string | undefined }[];
}

/** Up to this many records done are named one by one (more: the count says it). */
const DONE_NAMED = 20;

/**
 * What a bulk action did: 'n vastgelegd, m niet', the records done (a few by name) and, per refused record, which one and why (the
 * service's Dutch reason). Focus moves to its heading so a screen reader reads it at once.
 */
export function BulkResult({ outcome, onClose }: { outcome: BulkOutcome; onClose: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [outcome]);
  const failed = outcome.results.filter((r) => !r.ok);
  const done = outcome.results.length - failed.length;
  return (
    <section className={failed.length > 0 ? 'panel panel-error bulk-result' : 'panel bulk-result'} aria-labelledby="bulk-result-title" data-testid="bulk-result">
      <h2 id="bulk-result-title" tabIndex={-1} ref={heading}>
        {t(`queue.bulk.summary.${outcome.kind}`, { done, failed: failed.length })}
      </h2>
      {done > 0 && done <= DONE_NAMED && (
        <p>
          {t('queue.bulk.doneList', {
            list: outcome.results
              .filter((r) => r.ok)
              .map((r) => r.label)
              .join(', '),
          })}
        </p>
      )}
      {failed.length > 0 && (
        <>
          <p>{outcome.kind === 'released' ? t('reservations.bulk.failedKept') : t('queue.bulk.failedKept')}</p>
          <ul>
            {failed.map((r) => (
              <li key={r.key}>
                <strong>{r.label}</strong>: {r.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('queue.bulk.closeResult')}
        </button>
      </div>
    </section>
  );
}
