import type { Agreement, WorkSignal } from '../../../../shared/review/register-schemas';
import { formatDifference, formatFigure, type PackFigure } from './pack-figures';
import { useTranslation } from 'react-i18next';
import { formatDay } from './register-labels';

export function KeyFiguresTable({ figures, periodLabel, previousLabel }: { figures: PackFigure[]; periodLabel: string; previousLabel: string }) {
  const { t } = useTranslation();
  return (
    <table className="pack-table">
      <caption>{t('review.pack.keyFigures', { period: periodLabel, previous: previousLabel })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.pack.figure')}</th>
          <th scope="col">{periodLabel}</th>
          <th scope="col">{previousLabel}</th>
          <th scope="col">{t('review.pack.difference')}</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={f.id} data-figure={f.id}>
            <th scope="row">{f.label}</th>
            <td className="number">{formatFigure(f.current, f.unit, t)}</td>
            <td className="number">{formatFigure(f.previous, f.unit, t)}</td>
            <td className="number">{formatDifference(f, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AgreementsTable({ agreements, caption }: { agreements: Agreement[]; caption: string }) {
  const { t } = useTranslation();
  if (agreements.length === 0) return <p>{t('review.pack.noAgreements')}</p>;
  return (
    <table className="pack-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.table.what')}</th>
          <th scope="col">{t('review.table.owner')}</th>
          <th scope="col">{t('review.table.dueOn')}</th>
          <th scope="col">{t('review.table.status')}</th>
          <th scope="col">{t('review.table.evidence')}</th>
        </tr>
      </thead>
      <tbody>
        {agreements.map((a) => (
          <tr key={a.id} className={a.overdue ? 'overdue' : undefined}>
            <th scope="row">
              {a.what}
              {a.carriedOver && <span className="note"> ({t('review.pack.fromPeriod', { period: a.period })})</span>}
            </th>
            <td>{a.owner}</td>
            <td>{formatDay(a.dueOn)}</td>
            <td>
              {t(`review.agreementStatus.${a.status}`)}
              {a.overdue && <strong className="overdue-label"> – {t('review.pack.overdue')}</strong>}
            </td>
            <td>{a.evidence ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SignalsTable({ signals, caption }: { signals: WorkSignal[]; caption: string }) {
  const { t } = useTranslation();
  if (signals.length === 0) return <p>{t('review.pack.noSignals')}</p>;
  return (
    <table className="pack-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.table.raisedOn')}</th>
          <th scope="col">{t('review.table.raisedBy')}</th>
          <th scope="col">{t('review.table.description')}</th>
          <th scope="col">{t('review.table.status')}</th>
          <th scope="col">{t('review.table.actionTaken')}</th>
        </tr>
      </thead>
      <tbody>
        {signals.map((s) => (
          <tr key={s.id}>
            <td>{formatDay(s.raisedOn)}</td>
            <td>{s.raisedBy}</td>
            <th scope="row">
              {s.description}
              {s.carriedOver && <span className="note"> ({t('review.table.carriedOverSignal')})</span>}
            </th>
            <td>{t(`review.signalStatus.${s.status}`)}</td>
            <td>{s.actionTaken ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
