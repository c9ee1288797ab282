import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/metrics/dashboard-schemas';
import { formatNumber, formatPercent } from '../../i18n/format';
import { DrillLink } from './DashboardCharts';

/** The key figures as cards; every number links to the cases behind it. */
export function KeyFigures({ data, search }: { data: Dashboard; search: string }) {
  const { t } = useTranslation();
  const pct = (rate: number | null) => (rate === null ? t('dashboard.noData') : formatPercent(rate));
  const days = (d: number | null) => (d === null ? t('dashboard.noData') : t('dashboard.days', { count: d }));
  const cards: { key: string; label: string; value: string; note: string; drill: string }[] = [
    { key: 'intake', label: t('dashboard.cards.intake'), value: formatNumber(data.intake.total.value), note: t('dashboard.cards.intakeNote'), drill: data.intake.total.drill },
    { key: 'fill', label: t('dashboard.cards.fill'), value: pct(data.sessions.fillRate), note: t('dashboard.cards.fillNote', { used: formatNumber(data.sessions.slotsUsed.value), available: formatNumber(data.sessions.slotsAvailable), sessions: formatNumber(data.sessions.sessionsHeld), reserved: formatNumber(data.sessions.slotsReserved) }), drill: data.sessions.slotsUsed.drill },
    { key: 'legal', label: t('dashboard.cards.legal'), value: pct(data.legal.rate), note: t('dashboard.cards.complianceNote', { met: formatNumber(data.legal.met), measured: formatNumber(data.legal.measured) }), drill: data.legal.drillMissed },
    { key: 'target', label: t('dashboard.cards.target'), value: pct(data.target.rate), note: t('dashboard.cards.complianceNote', { met: formatNumber(data.target.met), measured: formatNumber(data.target.measured) }), drill: data.target.drillMissed },
    { key: 'clearance', label: t('dashboard.cards.clearance'), value: pct(data.clearance.rate), note: t('dashboard.cards.clearanceNote', { out: formatNumber(data.clearance.outgoing.value), in: formatNumber(data.clearance.incoming.value) }), drill: data.clearance.outgoing.drill },
    { key: 'disposition', label: t('dashboard.cards.disposition'), value: days(data.timeToDisposition.median), note: t('dashboard.cards.distributionNote', { p90: data.timeToDisposition.p90 ?? '–', count: formatNumber(data.timeToDisposition.count) }), drill: data.timeToDisposition.drill },
    { key: 'pending', label: t('dashboard.cards.pending'), value: days(data.pendingAge.median), note: t('dashboard.cards.distributionNote', { p90: data.pendingAge.p90 ?? '–', count: formatNumber(data.pendingAge.count) }), drill: data.pendingAge.drill },
    { key: 'certainty', label: t('dashboard.cards.certainty'), value: pct(data.dateCertainty.rate), note: t('dashboard.cards.complianceNote', { met: formatNumber(data.dateCertainty.met), measured: formatNumber(data.dateCertainty.measured) }), drill: data.dateCertainty.drillMissed },
    { key: 'adjourned', label: t('dashboard.cards.adjourned'), value: formatNumber(data.adjournments.adjourned.value), note: t('dashboard.cards.adjournedNote', { share: pct(data.adjournments.share) }), drill: data.adjournments.adjourned.drill },
    { key: 'returned', label: t('dashboard.cards.returned'), value: formatNumber(data.returns.total.value), note: data.returns.byCode.map((r) => `${r.code}: ${formatNumber(r.count)}`).join(', ') || t('dashboard.noData'), drill: data.returns.total.drill },
  ];
  return (
    <ul className="key-figures" aria-label={t('dashboard.cards.title')}>
      {cards.map((c) => (
        <li key={c.key} className="key-figure">
          <DrillLink drill={c.drill} search={search}>
            <span className="key-figure-label">{c.label}</span>
            <span className="key-figure-value">{c.value}</span>
          </DrillLink>
          <span className="key-figure-note">{c.note}</span>
        </li>
      ))}
    </ul>
  );
}
