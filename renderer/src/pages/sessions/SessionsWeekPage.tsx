import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { WeekOverview } from '../../../../shared/api/contract';
import { useOperationQuery } from '../../api/use-operation-query';
import { usePageTitle } from '../../components/usePageTitle';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatPercent, formatWeekRange, isoWeekNumber } from '../../i18n/format';
import { mondayOf, shiftWeek, weekFromParam } from './week';
import { WeekGrid } from './WeekGrid';
import { MoveCaseDialog, type MoveOutcome, type MoveRequest } from './MoveCaseDialog';
import { formatShortDay } from '../../i18n/format';

export function SessionsWeekPage({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation();
  usePageTitle(t('sessions.title'));
  const [params] = useSearchParams();
  const weekStart = weekFromParam(params.get('week'), today);
  const query = useOperationQuery('sessions.week', { weekStart });
  const weekEnd = shiftWeek(weekStart, 1);
  const lastDay = query.data?.days[6] ?? weekEnd;
  const [move, setMove] = useState<MoveRequest | null>(null);
  const [moved, setMoved] = useState<MoveOutcome | null>(null);

  return (
    <>
      <div className="page-header">
        <h1>{t('sessions.title')}</h1>
        <nav aria-label={t('sessions.weekNavigation')} className="week-nav">
          <Link to={`?week=${shiftWeek(weekStart, -1)}`}>← {t('sessions.previousWeek')}</Link>
          <Link to={`?week=${mondayOf(today)}`}>{t('sessions.thisWeek')}</Link>
          <Link to={`?week=${weekEnd}`}>{t('sessions.nextWeek')} →</Link>
        </nav>
      </div>
      <h2 className="week-heading" aria-live="polite">
        {t('sessions.weekHeading', { week: isoWeekNumber(weekStart), range: formatWeekRange(weekStart, lastDay) })}
      </h2>
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <p className="week-summary" aria-label={t('sessions.summaryLabel')} data-testid="week-summary">
            {[
              t('sessions.summarySessions', { count: query.data.totals.sessions }),
              t('sessions.summarySlots', { count: query.data.totals.capacitySlots }),
              t('sessions.summaryBooked', { count: query.data.totals.booked }),
              t('sessions.summaryFree', { count: query.data.totals.free }),
              t('sessions.summaryFill', {
                fill: formatPercent(query.data.totals.capacitySlots ? query.data.totals.booked / query.data.totals.capacitySlots : 0),
              }),
            ].join(' · ')}
          </p>
          {query.data.totals.sessions === 0 && <p>{t('sessions.noSessions')}</p>}
          {moved && (
            <div className="panel" role="status" data-testid="move-outcome">
              <p>
                {moved.hearing
                  ? t('move.done', { parketnummer: moved.parketnummer, day: formatShortDay(moved.hearing.date), time: moved.hearing.startTime })
                  : t('move.unplanned', { parketnummer: moved.parketnummer })}
              </p>
              {moved.hearing?.explanation && <p>{t('move.explanation', { explanation: moved.hearing.explanation })}</p>}
            </div>
          )}
          <p className="hint">{t('sessions.moveHint')}</p>
          <WeekGrid week={query.data} onMove={(request) => { setMoved(null); setMove(request); }} />
          {move && (
            <MoveCaseDialog
              // The case's version as the week shows it now (reloaded after a conflict), the rest as requested.
              request={{ ...move, caseVersion: liveCaseVersion(query.data, move.caseId) ?? move.caseVersion }}
              window={{ from: weekStart, to: lastDay }}
              onClose={(outcome) => {
                setMove(null);
                if (outcome) setMoved(outcome);
              }}
            />
          )}
        </>
      )}
    </>
  );
}

/** The version of a case on the week's rolls, as last loaded. */
function liveCaseVersion(week: WeekOverview, caseId: number): number | undefined {
  for (const location of week.locations)
    for (const room of location.rooms)
      for (const session of room.sessions) {
        const entry = session.cases.find((c) => c.caseId === caseId);
        if (entry) return entry.caseVersion;
      }
  return undefined;
}
