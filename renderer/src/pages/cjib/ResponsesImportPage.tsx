import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseImportMode, ResponseImportReport } from '../../../../shared/cjib/response-format';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FileCheckForm } from '../../components/FileCheckForm';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../i18n/format';
import { fileToBase64 } from '../cases/download-file';
import { ActionButton } from '../../components/ActionButton';

/**
 * Reads CJIB's answers (acknowledgements, returns, execution updates): check first, then import every
 * message, or, when some have an error, the valid ones only or nothing (as the case import offers).
 */
export function ResponsesImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('cjibResponses.title'));
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ResponseImportMode>('valid_only');
  const run = useOperationMutation('cjib.importResponses');
  const send = async (dryRun: boolean) => {
    if (file) run.mutate({ fileName: file.name, contentBase64: await fileToBase64(file), dryRun, mode: dryRun ? 'all_or_nothing' : mode });
  };
  const report = run.data;
  const checked = report?.dryRun && report.fileProblems.length === 0 ? report : null;
  const valid = checked ? checked.counts.processed + checked.counts.outdated : 0;
  const importable = checked !== null && checked.counts.error === 0 && valid > 0;
  const partly = checked !== null && checked.counts.error > 0 && valid > 0;

  return (
    <>
      <h1>{t('cjibResponses.title')}</h1>
      <p>{t('cjibResponses.intro')}</p>
      <FileCheckForm
        id="cjib-response-file"
        label={t('cjibResponses.file')}
        accept=".json,application/json"
        hasFile={file !== null}
        onFile={(chosen) => {
          setFile(chosen);
          run.reset();
        }}
        onCheck={() => void send(true)}
        checkLabel={t('cjibResponses.check')}
        mutation={run}
        pendingText={run.variables?.dryRun ? t('cjibResponses.checking') : t('cjibResponses.importing')}
        className="panel"
      />
      {run.isError && <ErrorPanel error={run.error} />}
      {report && (
        <section className="panel" aria-labelledby="cjib-report-title">
          <h2 id="cjib-report-title">{report.dryRun ? t('cjibResponses.checkTitle') : t('cjibResponses.resultTitle')}</h2>
          <ResponsesReport report={report} />
          {importable && (
            <div className="actions">
              <button type="button" onClick={() => void send(false)} disabled={run.isPending}>
                {t('cjibResponses.import', { count: valid })}
              </button>
            </div>
          )}
          {report.dryRun && report.counts.error > 0 && (
            <p role="alert" className="field-error">
              {partly ? t('cjibResponses.someRefused', { count: report.counts.error }) : t('cjibResponses.refused', { count: report.counts.error })}
            </p>
          )}
          {partly && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void send(false);
              }}
            >
              <fieldset>
                <legend>{t('cjibResponses.modeLegend')}</legend>
                <div className="checkbox">
                  <input id="cjib-mode-valid" type="radio" name="cjib-mode" checked={mode === 'valid_only'} onChange={() => setMode('valid_only')} />
                  <label htmlFor="cjib-mode-valid">{t('cjibResponses.modeValidOnly', { count: valid, formatted: formatNumber(valid) })}</label>
                </div>
                <div className="checkbox">
                  <input id="cjib-mode-all" type="radio" name="cjib-mode" checked={mode === 'all_or_nothing'} onChange={() => setMode('all_or_nothing')} />
                  <label htmlFor="cjib-mode-all">{t('cjibResponses.modeAllOrNothing')}</label>
                </div>
              </fieldset>
              <div className="actions">
                <ActionButton mutation={run} type="submit">
                  {t('cjibResponses.commit')}
                </ActionButton>
              </div>
            </form>
          )}
          {!report.dryRun && (
            <p role="status" className={report.committed ? 'success' : undefined} data-testid="cjib-import-result">
              {!report.committed
                ? t('cjibResponses.nothingCommitted')
                : report.counts.error > 0
                  ? t('cjibResponses.committedValidOnly', { count: report.counts.processed + report.counts.outdated, error: formatNumber(report.counts.error) })
                  : t('cjibResponses.committed')}
            </p>
          )}
        </section>
      )}
    </>
  );
}

function ResponsesReport({ report }: { report: ResponseImportReport }) {
  const { t } = useTranslation();
  if (report.fileProblems.length > 0) {
    return (
      <div role="alert" className="panel panel-error">
        <h3>{t('cjibResponses.fileProblems')}</h3>
        <ul>
          {report.fileProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    );
  }
  const { counts } = report;
  return (
    <table className="data-table" data-testid="cjib-import-report">
      <caption>
        {t('cjibResponses.summary', {
          count: counts.total,
          total: formatNumber(counts.total),
          processed: formatNumber(counts.processed),
          already: formatNumber(counts.alreadyProcessed),
          outdated: formatNumber(counts.outdated),
          error: formatNumber(counts.error),
        })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('cjibResponses.colNumber')}</th>
          <th scope="col">{t('cjibResponses.colType')}</th>
          <th scope="col">{t('cjibResponses.colCase')}</th>
          <th scope="col">{t('cjibResponses.colOutcome')}</th>
          <th scope="col">{t('cjibResponses.colMessage')}</th>
        </tr>
      </thead>
      <tbody>
        {report.messages.map((m) => (
          <tr key={m.number}>
            <th scope="row">{m.number}</th>
            <td>{m.type ? t(`cjibResponses.type.${m.type}`) : t('cjibResponses.unknown')}</td>
            <td>{m.parketnummer ?? m.correlationId ?? t('cjibResponses.unknown')}</td>
            <td>{m.outcome !== 'processed' || report.committed ? t(`cjibResponses.outcome.${m.outcome}`) : report.dryRun ? t('cjibResponses.willProcess') : t('cjibResponses.notProcessed')}</td>
            <td>{m.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
