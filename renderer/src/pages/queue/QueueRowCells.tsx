import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkQueueRow } from '../../../../shared/api/case-schemas';
import { formatInstant } from '../../i18n/format';
import { readyDay } from '../cases/readiness-text';
import { describeReadinessGap } from '../../../../shared/domain/planning-readiness';

/** One case in the queue: urgency in words and colour, the binding limit with its kind, what it still waits for. */
export function QueueRowCells({ row }: { row: WorkQueueRow }) {
  const { t } = useTranslation();
  return (
    <>
      <td>
        <Link to={`/zaken/${row.id}`}>{row.parketnummer}</Link>
        <br />
        <span className="muted">{row.offenceSummary}</span>
      </td>
      <td>{row.suspectName}</td>
      <td>{t(`modality.${row.modality}`)}</td>
      <td>{row.policeUnit}</td>
      <td>
        {row.nextLimit ? (
          <>
            <span className="muted">{t(`queue.limitKind.${row.nextLimitKind}`)}</span>
            <br />
            {formatInstant(row.nextLimit)}
          </>
        ) : (
          t('queue.noLimit')
        )}
      </td>
      <td>
        <span className={`badge urgency-${row.urgency}`}>{t(`urgency.${row.urgency}`)}</span>
        <br />
        {row.urgency === 'infeasible' ? (
          <span>{t('queue.infeasibleOptions')}</span>
        ) : (
          row.hoursLeft !== null &&
          row.workingDaysLeft !== null && (
            <span>
              {row.hoursLeft < -48
                ? t('queue.overdueByDays', { count: Math.floor(-row.hoursLeft / 24) })
                : row.hoursLeft < 0
                  ? t('queue.overdueBy', { hours: -row.hoursLeft })
                  : t('queue.countdown', { count: row.workingDaysLeft, hours: row.hoursLeft })}
            </span>
          )
        )}
      </td>
      <td>
        {row.readinessGaps.length > 0
          ? row.readinessGaps.map((gap) => describeReadinessGap(gap)).join('; ')
          : row.readyFrom
            ? t('queue.readyFrom', { day: readyDay(row.readyFrom) })
            : t('queue.readyText')}
        {row.coDefendantGroup && (
          <>
            <br />
            <span className="muted">{t('queue.coDefendantGroup', { group: row.coDefendantGroup })}</span>
          </>
        )}
      </td>
    </>
  );
}
