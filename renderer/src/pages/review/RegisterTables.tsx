import type { Agreement, RegisterChange, WorkSignal } from '../../../../shared/review/register-schemas';
import { useTranslation } from 'react-i18next';
import { formatDay, formatMoment } from './register-labels';

function History({ changes, kind }: { changes: RegisterChange[]; kind: 'agreementStatus' | 'signalStatus' }) {
  const { t } = useTranslation();
  const status = (s: string | null) => (s ? t(`review.${kind}.${s}`) : '–');
  if (changes.length === 0) return null;
  return (
    <details>
      <summary>{t('review.table.history', { count: changes.length })}</summary>
      <ul className="register-history">
        {changes.map((c, i) => (
          <li key={i}>
            {formatMoment(c.occurredAt)}, {c.actor}:{' '}
            {c.fromStatus === null && c.toStatus
              ? t('review.table.created', { status: status(c.toStatus) })
              : c.toStatus
                ? t('review.table.statusChange', { from: status(c.fromStatus), to: status(c.toStatus) })
                : t('review.table.changed')}
            {c.reason && <> ({t('review.table.reason', { reason: c.reason })})</>}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function AgreementRegister({ agreements, onEdit }: { agreements: Agreement[]; onEdit: (a: Agreement) => void }) {
  const { t } = useTranslation();
  if (agreements.length === 0) return <p>{t('review.table.noAgreements')}</p>;
  return (
    <table className="register-table">
      <caption>{t('review.table.agreementsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.table.what')}</th>
          <th scope="col">{t('review.table.owner')}</th>
          <th scope="col">{t('review.table.dueOn')}</th>
          <th scope="col">{t('review.table.status')}</th>
          <th scope="col">{t('review.table.evidence')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('review.table.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {agreements.map((a) => (
          <tr key={a.id} className={a.overdue ? 'overdue' : undefined}>
            <th scope="row">
              {a.what}
              {a.carriedOver && <span className="note"> ({t('review.table.madeIn', { period: a.period })})</span>}
              <History changes={a.history} kind="agreementStatus" />
            </th>
            <td>{a.owner}</td>
            <td>{formatDay(a.dueOn)}</td>
            <td>
              {t(`review.agreementStatus.${a.status}`)}
              {a.overdue && <strong className="overdue-label"> – {t('review.table.overdue')}</strong>}
            </td>
            <td>{a.evidence ?? '–'}</td>
            <td>
              <button type="button" onClick={() => onEdit(a)}>
                {t('review.table.edit')}<span className="visually-hidden">: {a.what}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SignalRegister({ signals, onEdit }: { signals: WorkSignal[]; onEdit: (s: WorkSignal) => void }) {
  const { t } = useTranslation();
  if (signals.length === 0) return <p>{t('review.table.noSignals')}</p>;
  return (
    <table className="register-table">
      <caption>{t('review.table.signalsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('review.table.raisedOn')}</th>
          <th scope="col">{t('review.table.raisedBy')}</th>
          <th scope="col">{t('review.table.description')}</th>
          <th scope="col">{t('review.table.status')}</th>
          <th scope="col">{t('review.table.actionTaken')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('review.table.actions')}</span>
          </th>
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
              <History changes={s.history} kind="signalStatus" />
            </th>
            <td>{t(`review.signalStatus.${s.status}`)}</td>
            <td>{s.actionTaken ?? '–'}</td>
            <td>
              <button type="button" onClick={() => onEdit(s)}>
                {t('review.table.edit')}<span className="visually-hidden">: {s.description}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
