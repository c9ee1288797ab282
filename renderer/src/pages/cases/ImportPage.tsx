import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/api/case-schemas';
import { IMPORT_COLUMNS } from '../../../../shared/intake/import-columns';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { useOperationQuery } from '../../api/use-operation-query';
import { formatNumber } from '../../i18n/format';
import { usePageTitle } from '../../components/usePageTitle';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FileCheckForm } from '../../components/FileCheckForm';
import { downloadBase64File, fileToBase64 } from './download-file';
import { ImportReportView } from './ImportReportView';
import { ActionButton } from '../../components/ActionButton';

type Mode = ImportReport['mode'];

/** Check a police/OM export first, then commit the valid rows or nothing, as the user chooses. */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('import.title'));
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('valid_only');
  const run = useOperationMutation('cases.import');
  // While the file is read (checked or imported): how many rows so far, asked twice a second.
  const progress = useOperationQuery('cases.importProgress', { requestId: run.requestId ?? '-' }, { enabled: run.isPending && run.requestId !== undefined, refetchInterval: 500 });
  const rowsRead = run.isPending ? (progress.data?.rowsRead ?? 0) : 0;
  const send = async (dryRun: boolean) => {
    if (file) run.mutate({ fileName: file.name, contentBase64: await fileToBase64(file), mode, dryRun });
  };
  const template = useOperationMutation('cases.importTemplate', { onSuccess: downloadBase64File });
  const report = run.data;
  const checked = report?.dryRun ? report : null;

  return (
    <>
      <h1>{t('import.title')}</h1>
      <p>{t('import.intro')}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => template.mutate({ format: 'csv' })}>
          {t('import.templateCsv')}
        </button>
        <button type="button" className="secondary" onClick={() => template.mutate({ format: 'xlsx' })}>
          {t('import.templateXlsx')}
        </button>
      </div>
      <details>
        <summary>{t('import.columns')}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('import.colHeader')}</th>
              <th scope="col">{t('import.colRequired')}</th>
              <th scope="col">{t('import.colFormat')}</th>
              <th scope="col">{t('import.colExample')}</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_COLUMNS.map((c) => (
              <tr key={c.header}>
                <th scope="row">{c.header}</th>
                <td>{c.required ? t('import.yes') : t('import.no')}</td>
                <td>{c.format}</td>
                <td>{c.example}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <FileCheckForm
        id="import-file"
        label={t('import.file')}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hasFile={file !== null}
        onFile={(chosen) => {
          setFile(chosen);
          run.reset();
        }}
        onCheck={() => void send(true)}
        checkLabel={run.isPending && run.variables?.dryRun ? t('import.checking') : t('import.check')}
        mutation={run}
        pendingText={run.variables?.dryRun ? t('import.checking') : t('import.committing')}
        progress={
          <p className="import-progress">
            <progress aria-label={t('import.progressLabel')} aria-valuetext={rowsRead > 0 ? t('import.rowsRead', { count: rowsRead, formatted: formatNumber(rowsRead) }) : undefined} />{' '}
            <span data-testid="import-rows-read">{rowsRead > 0 ? t('import.rowsRead', { count: rowsRead, formatted: formatNumber(rowsRead) }) : null}</span>
          </p>
        }
        className="panel"
      />
      {run.isError && <ErrorPanel error={run.error} />}
      {report && (
        <section className="panel">
          <ImportReportView report={report} />
          {checked && checked.fileProblems.length === 0 && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void send(false);
              }}
            >
              {checked.validRows === 0 ? (
                <p>{t('import.noValid')}</p>
              ) : (
                <>
                  <fieldset>
                    <legend>{t('import.modeLegend')}</legend>
                    <div className="checkbox">
                      <input id="mode-valid" type="radio" name="mode" checked={mode === 'valid_only'} onChange={() => setMode('valid_only')} />
                      <label htmlFor="mode-valid">{t('import.modeValidOnly', { count: checked.validRows, formatted: formatNumber(checked.validRows) })}</label>
                    </div>
                    <div className="checkbox">
                      <input id="mode-all" type="radio" name="mode" checked={mode === 'all_or_nothing'} onChange={() => setMode('all_or_nothing')} />
                      <label htmlFor="mode-all">{t('import.modeAllOrNothing')}</label>
                    </div>
                  </fieldset>
                  <div className="actions">
                    <ActionButton mutation={run} type="submit">
                      {run.isPending ? t('import.committing') : t('import.commit')}
                    </ActionButton>
                  </div>
                </>
              )}
            </form>
          )}
          {!report.dryRun && (
            <p className={report.committed > 0 ? 'success' : undefined} role="status" data-testid="import-result">
              {report.committed > 0 ? t('import.committed', { count: report.committed, formatted: formatNumber(report.committed) }) : t('import.nothingCommitted')}
            </p>
          )}
        </section>
      )}
    </>
  );
}
