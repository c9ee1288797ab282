import { format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MODALITIES } from '../../../../shared/domain/modality';
import type { DashboardFilters } from '../../../../shared/metrics/dashboard-schemas';
import { reviewPeriodLabel, reviewPeriodRange } from '../../../../shared/metrics/review-period';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SelectField } from '../../components/FormField';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../i18n/format';
import { DashboardCharts } from './DashboardCharts';
import { FairnessSection } from './FairnessSection';
import { KeyFigures } from './KeyFigures';
import { filtersFromParams, paramsFromFilters, quickPeriods } from './dashboard-filters';
import { DateField } from '../../components/DateTimeInputs';

/** Monitoring for the four-monthly review: key figures, trends, supply vs capacity and fairness, each down to its cases. */
export function DashboardPage({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.title'));
  const todayText = format(today, 'yyyy-MM-dd');
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params, todayText);
  const search = paramsFromFilters(filters).toString();
  const update = (change: Partial<DashboardFilters>) => {
    const next: DashboardFilters = { ...filters, ...change };
    for (const key of ['modality', 'locationId', 'policeUnit'] as const) if (!next[key]) delete next[key];
    setParams(paramsFromFilters(next), { replace: true });
  };
  // A period that ends before it starts is the user's to correct at the field, not a failure (issue 11, item 11).
  const toError = filters.to < filters.from ? t('dashboard.toBeforeFrom') : undefined;
  const dashboard = useOperationQuery('metrics.dashboard', filters, { enabled: !toError });
  const options = dashboard.data?.options;

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <p>{t('dashboard.intro')}</p>
      <div className="filters" role="group" aria-label={t('dashboard.filters')}>
        <DateField label={t('dashboard.from')} value={filters.from} onChange={(from) => from && update({ from })} />
        <DateField label={t('dashboard.to')} value={filters.to} onChange={(to) => to && update({ to })} error={toError} />
        <SelectField label={t('dashboard.modality')} value={filters.modality ?? ''} placeholder={t('dashboard.all')} options={MODALITIES.map((m) => ({ value: m, label: t(`modality.${m}`) }))} onChange={(v) => update({ modality: (v || undefined) as DashboardFilters['modality'] })} />
        <SelectField label={t('dashboard.location')} value={filters.locationId ? String(filters.locationId) : ''} placeholder={t('dashboard.all')} options={(options?.locations ?? []).map((l) => ({ value: String(l.id), label: l.name }))} onChange={(v) => update({ locationId: v ? Number(v) : undefined })} />
        <SelectField label={t('dashboard.policeUnit')} value={filters.policeUnit ?? ''} placeholder={t('dashboard.all')} options={(options?.policeUnits ?? []).map((u) => ({ value: u, label: u }))} onChange={(v) => update({ policeUnit: v || undefined })} />
      </div>
      <p>
        {t('dashboard.quickPeriods')}{' '}
        {quickPeriods(todayText).map((period) => (
          <button key={period} type="button" className="link-button" aria-pressed={reviewPeriodRange(period).from === filters.from && reviewPeriodRange(period).to === filters.to} onClick={() => update(reviewPeriodRange(period))}>
            {reviewPeriodLabel(period)}
          </button>
        ))}
      </p>
      {dashboard.error && <ErrorPanel error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {dashboard.isPending && !toError && <p role="status">{t('dashboard.loading')}</p>}
      {dashboard.data && (
        <>
          <h2>{t('dashboard.figuresTitle', { from: formatDate(dashboard.data.filters.from), to: formatDate(dashboard.data.filters.to) })}</h2>
          <p className="field-hint">{t('dashboard.asOf', { date: formatDate(dashboard.data.filters.asOf) })}</p>
          <KeyFigures data={dashboard.data} search={search} />
          <DashboardCharts data={dashboard.data} search={search} />
          <FairnessSection data={dashboard.data} search={search} />
        </>
      )}
    </>
  );
}
