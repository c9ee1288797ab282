import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/case-schemas';
import { formatInstant } from '../../i18n/format';

/** Every limit of the case with the moment, whether it is hard, and the rule and article it comes from. */
export function DeadlinesTable({ deadlines }: { deadlines: CaseDetail['deadlines'] }) {
  const { t } = useTranslation();
  if (deadlines.rules.length === 0) return <p>{t('case.noDeadlines')}</p>;
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('case.deadlines')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('case.colLimit')}</th>
          <th scope="col">{t('case.colMoment')}</th>
          <th scope="col">{t('case.colKind')}</th>
          <th scope="col">{t('case.colRule')}</th>
        </tr>
      </thead>
      <tbody>
        {deadlines.rules.map((rule) => {
          const moment = deadlines[rule.limit as keyof typeof deadlines];
          return (
            <tr key={rule.limit} data-limit={rule.limit}>
              <th scope="row">{t(`limit.${rule.limit}`)}</th>
              <td data-field="moment">{typeof moment === 'string' ? formatInstant(moment) : '—'}</td>
              <td>{rule.hard ? t('case.hardLimit') : t('case.softLimit')}</td>
              <td>
                {rule.explanation} <span className="muted">({rule.article})</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
