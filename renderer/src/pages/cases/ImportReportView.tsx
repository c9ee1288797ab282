import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/api/case-schemas';
import { formatNumber } from '../../i18n/format';

/** Up to this many problems every row is in the page; a longer list (a whole file of doubles: 100,000) shows the rows in view. */
const ALL_ROWS_UP_TO = 500;
const ESTIMATED_ROW_HEIGHT = 36;

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
      {report.problems.length > 0 && <ProblemTable problems={report.problems} />}
    </>
  );
}

/** The problems in a scrolling table of their own, as a virtual list (only the rows in view are rendered beyond ALL_ROWS_UP_TO). */
function ProblemTable({ problems }: { problems: ImportReport['problems'] }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: problems.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: problems.length <= ALL_ROWS_UP_TO ? problems.length : 20,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const title = t('import.problemsTitle', { count: problems.length, formatted: formatNumber(problems.length) });
  const titleId = useId();
  return (
    <>
      <h2 id={titleId} className="table-title">
        {title}
      </h2>
      <div ref={scrollRef} className="queue-scroll" tabIndex={0} role="region" aria-labelledby={titleId}>
        <table className="data-table problem-table" data-testid="import-problems" aria-labelledby={titleId} aria-rowcount={problems.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">{t('import.colRow')}</th>
              <th scope="col">{t('import.colColumn')}</th>
              <th scope="col">{t('import.colMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {top > 0 && (
              <tr aria-hidden="true">
                <td colSpan={3} style={{ height: top, padding: 0, border: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const p = problems[item.index]!;
              return (
                <tr key={item.key} data-index={item.index} ref={virtualizer.measureElement} aria-rowindex={item.index + 2}>
                  <td>{p.row}</td>
                  <td>{p.column}</td>
                  <td>{p.message}</td>
                </tr>
              );
            })}
            {bottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={3} style={{ height: bottom, padding: 0, border: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
