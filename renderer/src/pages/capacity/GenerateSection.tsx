import { addDays, format, parseISO } from 'date-fns';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SKIP_REASONS } from '../../../../shared/capacity/generate-sessions';
import type { GenerationResult } from '../../../../shared/capacity/capacity-schemas';
import { useOperationMutation, type OperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatDate, formatNumber } from '../../i18n/format';
import { DateField } from '../../components/DateTimeInputs';
import { ActionButton } from '../../components/ActionButton';

/** A dry run first (what will be made, what is skipped and why), then the coordinator confirms. */
export function GenerateSection({ today }: { today: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(format(addDays(parseISO(today), 90), 'yyyy-MM-dd'));
  const run = useOperationMutation('capacity.generate');
  const preview = (event: FormEvent) => {
    event.preventDefault();
    run.mutate({ from, to, dryRun: true });
  };
  return (
    <section className="panel" aria-labelledby="generate-title">
      <h2 id="generate-title">{t('capacity.generateTitle')}</h2>
      <p>{t('capacity.generateIntro')}</p>
      <form onSubmit={preview} className="filters">
        <DateField label={t('capacity.from')} value={from} onChange={setFrom} />
        <DateField label={t('capacity.to')} value={to} onChange={setTo} />
        <div className="actions">
          <ActionButton mutation={run} type="submit">
            {t('capacity.preview')}
          </ActionButton>
        </div>
      </form>
      {run.isPending && <p role="status">{t('capacity.previewing')}</p>}
      {run.isError && <ErrorPanel error={run.error} />}
      {run.data && <GenerationResultView result={run.data} onConfirm={() => run.data && run.mutate({ from: run.data.from, to: run.data.to, dryRun: false })} mutation={run} />}
    </section>
  );
}

function GenerationResultView({ result, onConfirm, mutation }: { result: GenerationResult; onConfirm: () => void; mutation: OperationMutation<'capacity.generate'> }) {
  const { t } = useTranslation();
  const worthShowing = result.skipped.filter((s) => s.reason !== 'already_exists');
  const counts = { created: formatNumber(result.counts.created), skipped: formatNumber(result.counts.skipped) };
  return (
    <div className="subpanel">
      <h3>{result.dryRun ? t('capacity.previewTitle') : t('capacity.generatedTitle')}</h3>
      <p role="status" data-testid="generation-summary">
        {result.dryRun ? t('capacity.generateSummary', counts) : t('capacity.generatedSummary', counts)}
      </p>
      <table className="data-table">
        <caption>{t('capacity.reasonCountsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('capacity.colReason')}</th>
            <th scope="col">{t('capacity.colCount')}</th>
          </tr>
        </thead>
        <tbody>
          {SKIP_REASONS.map((reason) => (
            <tr key={reason}>
              <th scope="row">{t(`capacity.skipReason.${reason}`)}</th>
              <td>{formatNumber(result.counts.byReason[reason] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.dryRun && (
        <div className="actions">
          {result.counts.created > 0 ? (
            <ActionButton mutation={mutation} onClick={onConfirm}>
              {t('capacity.confirmGenerate', { count: result.counts.created, formatted: formatNumber(result.counts.created) })}
            </ActionButton>
          ) : (
            <p>{t('capacity.nothingToCreate')}</p>
          )}
        </div>
      )}
      {worthShowing.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('capacity.skippedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('capacity.colDate')}</th>
                <th scope="col">{t('capacity.colPlace')}</th>
                <th scope="col">{t('capacity.colTemplate')}</th>
                <th scope="col">{t('capacity.colWhy')}</th>
              </tr>
            </thead>
            <tbody>
              {worthShowing.map((s) => (
                <tr key={`${s.templateId}-${s.date}`}>
                  <td>{formatDate(s.date)}</td>
                  <td>
                    {s.roomName}, {s.locationName}
                  </td>
                  <td>{s.templateName}</td>
                  <td>{s.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.created.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{result.dryRun ? t('capacity.createdCaption') : t('capacity.createdCaptionDone')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('capacity.colDate')}</th>
                <th scope="col">{t('capacity.colWhen')}</th>
                <th scope="col">{t('capacity.colPlace')}</th>
                <th scope="col">{t('capacity.colType')}</th>
                <th scope="col">{t('capacity.colTemplate')}</th>
              </tr>
            </thead>
            <tbody>
              {result.created.map((s) => (
                <tr key={`${s.templateId}-${s.date}`}>
                  <td>{formatDate(s.date)}</td>
                  <td>
                    {t(`daypart.${s.daypart}`)} {s.startTime}–{s.endTime}
                  </td>
                  <td>
                    {s.roomName}, {s.locationName}
                  </td>
                  <td>{t(`sessionType.${s.sessionType}`)}</td>
                  <td>{s.templateName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
