import { useTranslation } from 'react-i18next';
import type { OperationInput } from '../../../shared/api/contract';
import { useOperationMutation } from '../api/use-operation-mutation';
import { formatNumber } from '../i18n/format';
import { downloadBase64File } from '../pages/cases/download-file';
import { ErrorPanel } from './ErrorPanel';

type ExportInput = OperationInput<'exports.list'>;
/** Which list and its filters: the same filters the page passes to the list's own operation. */
export type ExportRequest = ExportInput extends infer T ? (T extends unknown ? Omit<T, 'format'> : never) : never;

/**
 * 'Exporteren: CSV | Excel' (issue 15 item 5): the list with the page's current filters, every row and
 * not only the visible ones, as a download (`exports.list`). Never printed. What the last export gave
 * ('… is gedownload (n regels)', or its error) is shown only while the page's filters are the ones it
 * was made with: after another filter it would describe a list no longer on the screen.
 */
export function ExportButton({ request, disabled = false }: { request: ExportRequest; disabled?: boolean }) {
  const { t } = useTranslation();
  const exportFile = useOperationMutation('exports.list', { onSuccess: (file) => downloadBase64File(file) });
  const start = (format: 'csv' | 'xlsx') => exportFile.mutate({ ...request, format } as ExportInput);
  const made = exportFile.variables;
  const forTheseFilters = made !== undefined && JSON.stringify(made) === JSON.stringify({ ...request, format: made.format });
  return (
    <div className="export-control no-print" role="group" aria-label={t('listExport.group')}>
      <span aria-hidden="true">{t('listExport.label')}</span>{' '}
      <button type="button" aria-label={t('listExport.csvLabel')} onClick={() => start('csv')} disabled={disabled || exportFile.isPending}>
        {t('listExport.csv')}
      </button>{' '}
      <button type="button" aria-label={t('listExport.xlsxLabel')} onClick={() => start('xlsx')} disabled={disabled || exportFile.isPending}>
        {t('listExport.xlsx')}
      </button>{' '}
      <span role="status">
        {exportFile.isPending && t('listExport.busy')}
        {exportFile.isSuccess &&
          forTheseFilters &&
          t('listExport.done', { count: exportFile.data.rowCount, formatted: formatNumber(exportFile.data.rowCount), fileName: exportFile.data.fileName })}
      </span>
      {exportFile.isError && forTheseFilters && <ErrorPanel error={exportFile.error} />}
    </div>
  );
}
