import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROTA_COLUMNS } from '../../../../shared/rota/rota-columns';
import { useApi } from '../../api/api-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { downloadBase64File, fileToBase64 } from '../cases/download-file';
import { RotaImportReportView } from './RotaImportReportView';
import { refreshAfterRotaChange } from './rota-queries';

/** The rota from a CSV: check first (per row), then add everything or nothing. */
export function RotaImport() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: async ({ dryRun }: { dryRun: boolean }) => api.call('people.import', { fileName: file!.name, contentBase64: await fileToBase64(file!), dryRun }),
    onSuccess: (report) => {
      if (report.committed) refreshAfterRotaChange(queryClient);
    },
  });
  const template = useMutation({ mutationFn: () => api.call('people.importTemplate', {}), onSuccess: downloadBase64File });
  const report = run.data;
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (file) run.mutate({ dryRun: true });
  };

  return (
    <section className="panel" aria-labelledby="rota-import-title">
      <h2 id="rota-import-title">{t('rota.importTitle')}</h2>
      <p>{t('rota.importIntro')}</p>
      <p className="muted">{ROTA_COLUMNS.map((c) => `${c.header}: ${c.format}`).join(' · ')}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => template.mutate()}>
          {t('rota.template')}
        </button>
      </div>
      {template.isError && <ErrorPanel error={template.error} />}
      <form onSubmit={check}>
        <div className="field">
          <label htmlFor="rota-file">{t('rota.file')}</label>
          <input
            id="rota-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              run.reset();
            }}
          />
        </div>
        <div className="actions">
          <button type="submit" disabled={!file || run.isPending}>
            {t('rota.check')}
          </button>
        </div>
        {run.isPending && (
          <p role="status" aria-live="polite">
            {run.variables?.dryRun ? t('rota.checking') : t('rota.committing')}
          </p>
        )}
      </form>
      {run.isError && <ErrorPanel error={run.error} />}
      {report && <RotaImportReportView report={report} />}
      {report?.dryRun && report.fileProblems.length === 0 && report.invalidRows === 0 && (
        <div className="actions">
          <button type="button" disabled={run.isPending} onClick={() => run.mutate({ dryRun: false })}>
            {t('rota.commit')}
          </button>
        </div>
      )}
    </section>
  );
}
