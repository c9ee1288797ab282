import { startTransition, useEffect, useOptimistic, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { WeekOverview } from '../../../../shared/api/contract';
import { useOperationQuery } from '../../api/use-operation-query';
import { usePageTitle } from '../../components/usePageTitle';
import { ErrorPanel } from '../../components/ErrorPanel';
import { UndoNotice } from '../../components/UndoNotice';
import { formatPercent, formatWeekRange, isoWeekNumber } from '../../i18n/format';
import { mondayOf, moveWindow, shiftWeek, weekFromParam } from './week';
import { WeekGrid } from './WeekGrid';
import { MoveCaseDialog, type MoveOutcome, type MoveRequest } from './MoveCaseDialog';
import { formatShortDay } from '../../i18n/format';
import { DateInput } from '../../components/DateTimeInputs';
import { PrintButton } from '../../components/PrintButton';

export function SessionsWeekPage({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation();
  usePageTitle(t('sessions.title'));
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const weekStart = weekFromParam(params.get('week'), today);
  const compact = params.get('weergave') === 'compact';
  // The URL is the one truth of the view, but React Router applies a URL change in a transition: with
  // a big week (or a refetch) rendering, that commits late, and until then React puts a controlled
  // checkbox back, so a click seemed to do nothing. The box shows the choice at once (a sync optimistic
  // update) and follows the URL again when the router's transition has committed.
  const [compactChosen, chooseCompact] = useOptimistic(compact);
  const [goTo, setGoTo] = useState('');
  const query = useOperationQuery('sessions.week', { weekStart });
  const weekEnd = shiftWeek(weekStart, 1);
  const lastDay = query.data?.days[6] ?? weekEnd;
  const [move, setMove] = useState<MoveRequest | null>(null);
  // The last move's outcome, with the week it was made from (an undo shows that week again).
  const [moved, setMoved] = useState<(MoveOutcome & { fromWeek: string }) | null>(null);
  // After a move, focus goes to the moved case where it now stands (not to the page): its caseId, or
  // 'outcome' when it left the planning. Kept until the element is there (the week reloads, or another week opens).
  const focusAfterMove = useRef<number | 'outcome' | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const pending = focusAfterMove.current;
    if (pending === null || !query.data) return;
    const item = `li.roll-case[data-case-id="${pending}"]`;
    const target = pending === 'outcome' ? outcomeRef.current : (document.querySelector<HTMLElement>(`${item} button`) ?? document.querySelector<HTMLElement>(`${item} a`));
    if (target) {
      target.focus();
      focusAfterMove.current = null;
    }
  });

  const weekLink = (week: string) => `?week=${week}${compact ? '&weergave=compact' : ''}`;
  const submitGoTo = (event: FormEvent) => {
    event.preventDefault();
    if (goTo) void navigate(weekLink(mondayOf(new Date(`${goTo}T12:00:00`))));
  };

  return (
    <div className="sessions-week-page">
      <div className="page-header">
        <h1>{t('sessions.title')}</h1>
        <nav aria-label={t('sessions.weekNavigation')} className="week-nav">
          <Link to={weekLink(shiftWeek(weekStart, -1))}>← {t('sessions.previousWeek')}</Link>
          <Link to={weekLink(mondayOf(today))}>{t('sessions.thisWeek')}</Link>
          <Link to={weekLink(weekEnd)}>{t('sessions.nextWeek')} →</Link>
        </nav>
      </div>
      <div className="week-tools">
        <form className="week-goto" onSubmit={submitGoTo} aria-label={t('sessions.goToLabel')}>
          <label htmlFor="week-goto-date">{t('sessions.goToDate')}</label>
          <DateInput id="week-goto-date" value={goTo} onChange={setGoTo} />
          <button type="submit" className="secondary">
            {t('sessions.goTo')}
          </button>
        </form>
        <div className="checkbox">
          <input
            id="week-compact"
            type="checkbox"
            checked={compactChosen}
            onChange={(e) => {
              const checked = e.target.checked;
              const next = new URLSearchParams(params);
              if (checked) next.set('weergave', 'compact');
              else next.delete('weergave');
              // One transition: the router's location update joins it, so the optimistic value holds until the URL is shown.
              startTransition(() => {
                chooseCompact(checked);
                setParams(next);
              });
            }}
          />
          <label htmlFor="week-compact">{t('sessions.compact')}</label>
        </div>
        <PrintButton openOnPrint="details.session-roll" />
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
            // Stays until the next move or leaving the page, with 'Ongedaan maken' (no timed toast: WCAG 2.2.1).
            <UndoNotice
              token={moved.undo}
              testId="move-outcome"
              panelRef={outcomeRef}
              onUndone={() => {
                if (moved.fromWeek !== weekStart) void navigate(weekLink(moved.fromWeek));
              }}
            >
              {moved.hearing
                ? t('move.done', { parketnummer: moved.parketnummer, day: formatShortDay(moved.hearing.date), time: moved.hearing.startTime })
                : t('move.unplanned', { parketnummer: moved.parketnummer })}
              {moved.hearing?.explanation && (
                <>
                  <br />
                  {t('move.explanation', { explanation: moved.hearing.explanation })}
                </>
              )}
            </UndoNotice>
          )}
          <p className="hint">{t('sessions.moveHint')}</p>
          <WeekGrid week={query.data} compact={compact} onMove={(request) => { setMoved(null); setMove(request); }} />
          {move && (
            <MoveCaseDialog
              // The case's version as the week shows it now (reloaded after a conflict), the rest as requested.
              request={{ ...move, caseVersion: liveCaseVersion(query.data, move.caseId) ?? move.caseVersion }}
              window={moveWindow(today, lastDay)}
              onClose={(outcome) => {
                setMove(null);
                if (!outcome) return;
                setMoved({ ...outcome, fromWeek: weekStart });
                focusAfterMove.current = outcome.hearing ? move.caseId : 'outcome';
                // A case moved to another week: show that week, where it now stands.
                if (outcome.hearing && mondayOf(new Date(`${outcome.hearing.date}T12:00:00`)) !== weekStart) {
                  void navigate(weekLink(mondayOf(new Date(`${outcome.hearing.date}T12:00:00`))));
                }
              }}
            />
          )}
        </>
      )}
    </div>
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
