import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROTA_COLUMNS } from '../../../../shared/rota/rota-columns';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FileCheckForm } from '../../components/FileCheckForm';
import { downloadBase64File, fileToBase64 } from '../cases/download-file';
import { RotaImportReportView } from './RotaImportReportView';
import { ActionButton } from '../../components/ActionButton';

/** The rota from a CSV: check first (per row), then add everything or nothing. */
export function RotaImport() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const run = useOperationMutation('people.import');
  const send = async (dryRun: boolean) => {
    if (file) run.mutate({ fileName: file.name, contentBase64: await fileToBase64(file), dryRun });
  };
  const template = useOperationMutation('people.importTemplate', { onSuccess: downloadBase64File });
  const report = run.data;

  return (
    <section className="panel" aria-labelledby="rota-import-title">
      <h2 id="rota-import-title">{t('rota.importTitle')}</h2>
      <p>{t('rota.importIntro')}</p>
      <p className="muted">{ROTA_COLUMNS.map((c) => `${c.header}: ${c.format}`).join(' · ')}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => template.mutate({})}>
          {t('rota.template')}
        </button>
      </div>
      {template.isError && <ErrorPanel error={template.error} />}
      <FileCheckForm
        id="rota-file"
        label={t('rota.file')}
        accept=".csv,text/csv"
        hasFile={file !== null}
        onFile={(chosen) => {
          setFile(chosen);
          run.reset();
        }}
        onCheck={() => void send(true)}
        checkLabel={t('rota.check')}
        mutation={run}
        pendingText={run.variables?.dryRun ? t('rota.checking') : t('rota.committing')}
      />
      {run.isError && <ErrorPanel error={run.error} />}
      {report && <RotaImportReportView report={report} />}
      {report?.dryRun && report.fileProblems.length === 0 && report.invalidRows === 0 && (
        <div className="actions">
          <ActionButton mutation={run} onClick={() => void send(false)}>
            {t('rota.commit')}
          </ActionButton>
        </div>
      )}
    </section>
  );
}
