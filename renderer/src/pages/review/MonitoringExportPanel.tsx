import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_MIN_CELL_SIZE } from '../../../../shared/monitoring/disclosure-control';
import { monitoringExportInputSchema } from '../../../../shared/monitoring/monitoring-schemas';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell } from '../../components/FormField';
import { checkFields } from '../../forms/validate-input';
import { downloadBase64File } from '../cases/download-file';
import { DateField } from '../../components/DateTimeInputs';
import { ActionButton } from '../../components/ActionButton';

/** The pseudonymised export for national comparison (docs/monitoring-export.md), as a download. */
export function MonitoringExportPanel({ from: initialFrom, to: initialTo }: { from: string; to: string }) {
  const { t } = useTranslation();
  const [range, setRange] = useState({ from: initialFrom, to: initialTo, k: String(DEFAULT_MIN_CELL_SIZE) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const exportFile = useOperationMutation('monitoring.export', { onSuccess: (file) => downloadBase64File(file) });
  const labels = { from: t('review.monitoring.from'), to: t('review.monitoring.to'), k: t('review.monitoring.k') };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const { data, errors: found } = checkFields(
      monitoringExportInputSchema,
      { from: range.from || undefined, to: range.to || undefined, k: range.k.trim() === '' ? undefined : Number(range.k) },
      t,
      { labels },
    );
    setErrors(found);
    if (data) exportFile.mutate(data);
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="monitoring-title">
      <h2 id="monitoring-title">{t('review.monitoring.title')}</h2>
      <p>{t('review.monitoring.intro')}</p>
      <DateField label={t('review.monitoring.from')} value={range.from} onChange={(from) => setRange((r) => ({ ...r, from }))} error={errors['from']} />
      <DateField label={t('review.monitoring.to')} value={range.to} onChange={(to) => setRange((r) => ({ ...r, to }))} error={errors['to']} />
      <FieldShell label={t('review.monitoring.k')} hint={t('review.monitoring.kHint')} error={errors['k']}>
        {(a11y) => <input {...a11y} type="number" min={2} max={100} step={1} value={range.k} onChange={(e) => setRange((r) => ({ ...r, k: e.target.value }))} />}
      </FieldShell>
      {exportFile.isError && <ErrorPanel error={exportFile.error} fieldLabels={labels} />}
      {exportFile.isSuccess && (
        <p role="status">
          {t('review.monitoring.done', { count: exportFile.data.recordCount, fileName: exportFile.data.fileName })}
          {exportFile.data.suppressedRecords > 0 && <> {t('review.monitoring.suppressed', { count: exportFile.data.suppressedRecords })}</>}
        </p>
      )}
      <ActionButton mutation={exportFile} type="submit">
        {exportFile.isPending ? t('review.monitoring.busy') : t('review.monitoring.download')}
      </ActionButton>
    </form>
  );
}
