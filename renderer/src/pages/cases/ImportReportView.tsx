import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/api/case-schemas';
import { formatNumber } from '../../i18n/format';

/** The per-row report of a checked file: every problem with its row, column and Dutch message. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  if (report.fileProblems.length > 0) {
    return (
      <div role="alert" className="panel panel-error">
        <h2>{t('import.fileProblems')}</h2>
        <ul>
          {report.fileProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <>
      <p data-testid="import-summary" role="status">
        {t('import.summary', { total: formatNumber(report.totalRows), valid: formatNumber(report.validRows), invalid: formatNumber(report.invalidRows) })}
      </p>
      {report.ignoredColumns.length > 0 && <p>{t('import.ignoredColumns', { columns: report.ignoredColumns.join(', ') })}</p>}
      {report.problems.length > 0 && (
        <table className="data-table" data-testid="import-problems">
          <caption>{t('import.problemsTitle', { count: report.problems.length, formatted: formatNumber(report.problems.length) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.colRow')}</th>
              <th scope="col">{t('import.colColumn')}</th>
              <th scope="col">{t('import.colMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.map((p, i) => (
              <tr key={`${p.row}-${p.column}-${i}`}>
                <td>{p.row}</td>
                <td>{p.column}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
