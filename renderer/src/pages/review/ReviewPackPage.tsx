import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { amsterdamDate } from '../../../../shared/calendar/amsterdam-time';
import { previousReviewPeriod, REVIEW_PERIOD_PATTERN, reviewPeriodLabel, reviewPeriodOf, reviewPeriodRange } from '../../../../shared/metrics/review-period';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PrintButton } from '../../components/PrintButton';
import { usePageTitle } from '../../components/usePageTitle';
import { DashboardCharts } from '../dashboard/DashboardCharts';
import { FairnessSection } from '../dashboard/FairnessSection';
import { packFigures } from './pack-figures';
import { AgreementsTable, KeyFiguresTable, PackContents, SignalsTable } from './pack-sections';
import { formatDay } from './register-labels';

/**
 * The four-monthly review pack, printable (styles.css @media print) and the page the PDF is made of:
 * `ketenplanner report` and Electron's print wait for data-ready="true" on its root before printing.
 */
export function ReviewPackPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const asked = params.get('period') ?? '';
  const [today] = useState(() => amsterdamDate(Date.now()));
  const period = REVIEW_PERIOD_PATTERN.test(asked) ? asked : reviewPeriodOf(today);
  const previous = previousReviewPeriod(period);
  const range = reviewPeriodRange(period);
  const previousRange = reviewPeriodRange(previous);
  const title = t('review.pack.title', { period: reviewPeriodLabel(period) });
  usePageTitle(title);

  const current = useOperationQuery('metrics.dashboard', range);
  const before = useOperationQuery('metrics.dashboard', previousRange);
  const agreements = useOperationQuery('review.agreements.list', { period });
  const signals = useOperationQuery('review.signals.list', { period });
  const district = useOperationQuery('district.get', {});
  const queries = [current, before, agreements, signals, district];
  const loaded = queries.filter((q) => q.isSuccess).length;
  const failed = queries.find((q) => q.isError);

  if (failed) {
    return (
      <article className="review-pack" data-print-root="" data-ready="error">
        <h1>{title}</h1>
        <ErrorPanel error={failed.error} onRetry={() => queries.forEach((q) => void q.refetch())} />
      </article>
    );
  }
  if (!current.data || !before.data || !agreements.data || !signals.data || district.data === undefined) {
    return (
      <article className="review-pack" data-print-root="" aria-busy="true">
        <h1>{title}</h1>
        <label className="pack-progress">
          {t('review.pack.loading', { loaded, total: queries.length })}
          <progress max={queries.length} value={loaded} />
        </label>
      </article>
    );
  }

  const periodLabel = reviewPeriodLabel(period);
  const previousLabel = reviewPeriodLabel(previous);
  const figures = packFigures(current.data, before.data, t);
  const search = new URLSearchParams(range).toString();
  // The line Chromium prints at the top of every page of the PDF (shared/print/print-page.ts).
  const printHeader = t('review.pack.printHeader', { district: district.data?.name ?? '', period: periodLabel }).replace(/^ · /, '');
  const contents = [
    { id: 'pack-key-figures', title: t('review.pack.keyFiguresHeading') },
    { id: 'pack-charts', title: t('review.pack.charts') },
    { id: 'fairness-title', title: t('dashboard.fairness.title') },
    { id: 'pack-agreements', title: t('review.agreements') },
    { id: 'pack-signals', title: t('review.signals') },
  ];
  return (
    <article className="review-pack" data-print-root="" data-ready="true" data-period={period} data-print-header={printHeader}>
      <header className="pack-cover">
        <h1>{title}</h1>
        {district.data && <p className="pack-district">{district.data.name}</p>}
        <p>{t('review.pack.intro', { from: formatDay(range.from), to: formatDay(range.to), previous: previousLabel, asOf: formatDay(current.data.filters.asOf) })}</p>
        <p className="no-print">
          <PrintButton label={t('review.pack.print')} />{' '}
          <Link to={`/overleg?period=${period}`}>{t('review.pack.back')}</Link>
        </p>
        <PackContents contents={contents} />
      </header>
      <section className="pack-section" aria-labelledby="pack-key-figures">
        <h2 id="pack-key-figures">{t('review.pack.keyFiguresHeading')}</h2>
        <KeyFiguresTable figures={figures} periodLabel={periodLabel} previousLabel={previousLabel} />
      </section>
      {/* The dashboard's own charts and fairness view, for the same period: the same figures everywhere. */}
      <section className="pack-section" aria-labelledby="pack-charts">
        <h2 id="pack-charts">{t('review.pack.charts')}</h2>
        <DashboardCharts data={current.data} search={search} />
      </section>
      <div className="pack-section">
        <FairnessSection data={current.data} search={search} />
      </div>
      <section className="pack-section" aria-labelledby="pack-agreements">
        <h2 id="pack-agreements">{t('review.agreements')}</h2>
        <AgreementsTable agreements={agreements.data.agreements} caption={t('review.pack.agreementsCaption', { period: periodLabel })} />
      </section>
      <section className="pack-section" aria-labelledby="pack-signals">
        <h2 id="pack-signals">{t('review.signals')}</h2>
        <SignalsTable signals={signals.data.signals} caption={t('review.pack.signalsCaption', { period: periodLabel })} />
      </section>
    </article>
  );
}
