import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A chart with its text alternative: the chart is an image with a summarising label, the data
 * table (with caption) is always in the page for screen readers and can be opened by anyone.
 */
export function ChartFigure({ title, summary, chart, table }: { title: string; summary: string; chart: ReactNode; table: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="dashboard-chart">
      <h3>{title}</h3>
      <div role="img" aria-label={summary} style={{ width: '100%', height: 260 }}>
        {chart}
      </div>
      <details>
        <summary>{t('dashboard.showTable')}</summary>
        {table}
      </details>
    </section>
  );
}
