import { useTranslation } from 'react-i18next';
import type { RotaImportReport } from '../../../../shared/rota/rota-schemas';

/** What a checked or imported rota file holds, and every wrong row with its field and Dutch message. */
export function RotaImportReportView({ report }: { report: RotaImportReport }) {
  const { t } = useTranslation();
  if (report.fileProblems.length > 0) {
    return (
      <div role="alert" className="panel panel-error">
        <h3>{t('rota.fileProblems')}</h3>
        <ul>
          {report.fileProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    );
  }
  const counts = { total: report.totalRows, valid: report.validRows, invalid: report.invalidRows, persons: report.newPersons, absences: report.newAbsences };
  return (
    <div data-testid="rota-import-report">
      <p role="status">{t(report.dryRun ? 'rota.checkedSummary' : report.committed ? 'rota.committedSummary' : 'rota.notCommittedSummary', counts)}</p>
      {report.ignoredColumns.length > 0 && <p>{t('rota.ignoredColumns', { columns: report.ignoredColumns.join(', ') })}</p>}
      {report.invalidRows > 0 && <p className="field-error">{t('rota.allOrNothing')}</p>}
      {report.problems.length > 0 && (
        <table className="data-table">
          <caption>{t('rota.problemsCaption', { count: report.problems.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rota.colRow')}</th>
              <th scope="col">{t('rota.colField')}</th>
              <th scope="col">{t('rota.colMessage')}</th>
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
    </div>
  );
}
