import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/case-schemas';
import { formatInstant } from '../../i18n/format';

/** The audit trail of the case: who did what, when and why. */
export function CaseHistory({ history }: { history: CaseDetail['history'] }) {
  const { t } = useTranslation();
  const describe = (entry: CaseDetail['history'][number]) => {
    const d = entry.details ?? {};
    const label = (key: string, value: unknown) => (typeof value === 'string' ? t(`${key}.${value}`, { defaultValue: value }) : '');
    return t(`audit.${entry.action}`, {
      defaultValue: entry.action,
      from: label(entry.action === 'case.modality_changed' ? 'modality' : 'caseStatus', d['from']),
      to: label(entry.action === 'case.modality_changed' ? 'modality' : 'caseStatus', d['to']),
      outcome: label('zsmOutcome', d['outcome']),
      changes: Object.entries(d)
        .map(([field, change]) => {
          const { from, to } = (change ?? {}) as { from?: unknown; to?: unknown };
          const show = (v: unknown) => (typeof v === 'string' ? formatInstant(v) : typeof v === 'boolean' ? (v ? 'ja' : 'nee') : t('audit.none'));
          return `${t(field === 'shortTermConsent' ? 'caseForm.shortTermConsent' : `event.${field}`)} ${show(from)} → ${show(to)}`;
        })
        .join('; '),
    });
  };
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('case.history')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('case.colWhen')}</th>
          <th scope="col">{t('case.colWho')}</th>
          <th scope="col">{t('case.colWhat')}</th>
          <th scope="col">{t('case.colWhy')}</th>
        </tr>
      </thead>
      <tbody>
        {history.map((entry) => (
          <tr key={entry.id}>
            <td>{formatInstant(entry.occurredAt)}</td>
            <td>{entry.actor}</td>
            <td>{describe(entry)}</td>
            <td>{entry.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
