import { format } from 'date-fns';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationOutput } from '../../../../shared/api/contract';
import { isValidLocalDate } from '../../../../shared/calendar/local-date';
import type { SessionType } from '../../../../shared/domain/session';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { DateField } from '../../components/DateTimeInputs';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatNumber, formatShortDay, formatWeekRange, isoWeekNumber } from '../../i18n/format';
import { mondayOf } from '../sessions/week';

type Tower = OperationOutput<'planner.tower'>;
type Day = Tower['days'][number];
type Cell = Day['byType'][number];

/**
 * The verkeerstoren: free capacity per day and session type for six weeks, and the queue of cases
 * waiting for a session. Every successful write anywhere in the app refreshes it (the one refresh
 * rule, renderer/src/api/use-operation-mutation.ts); it also refreshes every minute.
 */
export function TrafficTowerPage({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation();
  usePageTitle(t('tower.title'));
  const [from, setFrom] = useState(format(today, 'yyyy-MM-dd'));
  const valid = isValidLocalDate(from);
  const query = useOperationQuery('planner.tower', { from }, { enabled: valid, refetchInterval: 60_000 });
  const tower = query.data;

  return (
    <>
      <h1>{t('tower.title')}</h1>
      <p>{t('tower.intro')}</p>
      <div className="filters">
        <DateField label={t('tower.from')} value={from} onChange={setFrom} error={valid ? undefined : t('tower.invalidFrom')} />
      </div>
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {valid && query.isPending && <p role="status">{t('app.loading')}</p>}
      {tower && (
        <>
          <p className="week-summary" data-testid="tower-summary">
            {[
              t('tower.summary', {
                from: formatDate(tower.from),
                to: formatDate(tower.to),
                capacity: formatNumber(tower.totals.capacity),
                booked: formatNumber(tower.totals.booked),
                reserved: formatNumber(tower.totals.reserved),
                free: formatNumber(tower.totals.free),
              }),
              tower.totals.overbooked > 0 ? t('tower.overbookedTotal', { count: tower.totals.overbooked, formatted: formatNumber(tower.totals.overbooked) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {/* The queue first and the weeks below it, both full width: side by side, neither fitted. */}
          <div className="tower-layout">
            <QueuePanel queue={tower.queue.byModality} />
            <div>
              {groupByWeek(tower.days).map((week) => (
                <WeekTable key={week[0]!.date} days={week} types={shownTypes(tower.days)} />
              ))}
            </div>
          </div>
        </>
      )}
    </>
  );
}

function WeekTable({ days, types }: { days: Day[]; types: SessionType[] }) {
  const { t } = useTranslation();
  const first = days[0]!.date;
  const last = days[days.length - 1]!.date;
  const caption = t('tower.weekCaption', { week: isoWeekNumber(first), range: first === last ? formatDate(first) : formatWeekRange(first, last) });
  return (
    // Focusable so a keyboard user can scroll a wide week sideways.
    <div className="table-scroll tower-week" role="region" aria-label={t('tower.scrollRegion', { caption })} tabIndex={0}>
      <table className="data-table tower-table">
        <caption>{caption}</caption>
        <colgroup>
          <col />
        </colgroup>
        {types.map((type) => (
          <colgroup key={type} span={4} />
        ))}
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('tower.colDay')}
            </th>
            {types.map((type) => (
              <th key={type} scope="colgroup" colSpan={4}>
                {t(`sessionType.${type}`)}
              </th>
            ))}
          </tr>
          <tr>
            {types.map((type) => (
              <Fragment key={type}>
                <th scope="col">{t('tower.colCapacity')}</th>
                <th scope="col">{t('tower.colReserved')}</th>
                <th scope="col">{t('tower.colBooked')}</th>
                <th scope="col">{t('tower.colFree')}</th>
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.date}>
              <th scope="row">{formatShortDay(day.date)}</th>
              {types.map((type) => (
                <CellGroup key={type} cell={day.byType.find((c) => c.sessionType === type)!} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CellGroup({ cell }: { cell: Cell }) {
  const { t } = useTranslation();
  if (cell.sessions === 0 && cell.booked === 0) {
    return (
      <td colSpan={4} className="tower-none">
        {t('tower.noSession')}
      </td>
    );
  }
  const state = cell.overbooked > 0 ? 'tower-over' : cell.free === 0 ? 'tower-full' : undefined;
  return (
    <>
      <td className="num">{formatNumber(cell.capacity)}</td>
      <td className="num">{formatNumber(cell.reserved)}</td>
      <td className="num">{formatNumber(cell.booked)}</td>
      <td className={state ? `num ${state}` : 'num'}>
        {formatNumber(cell.free)}
        {/* The note on its own line, so a full day does not widen the column (the week fits 1400 px). */}
        {cell.overbooked > 0 ? (
          <span className="tower-note"> {t('tower.fullOverbooked', { count: cell.overbooked, formatted: formatNumber(cell.overbooked) })}</span>
        ) : cell.free === 0 ? (
          <span className="tower-note"> {t('tower.full')}</span>
        ) : null}
      </td>
    </>
  );
}

function QueuePanel({ queue }: { queue: Tower['queue']['byModality'] }) {
  const { t } = useTranslation();
  return (
    <aside className="panel tower-queue" aria-labelledby="tower-queue-title">
      <h2 id="tower-queue-title">{t('tower.queueTitle')}</h2>
      {queue.length === 0 ? (
        <p>{t('tower.queueEmpty')}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table" data-testid="tower-queue">
              <caption className="visually-hidden">{t('tower.queueCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('tower.colModality')}</th>
                  <th scope="col">{t('tower.colWaiting')}</th>
                  <th scope="col">{t('tower.colInIntake')}</th>
                  <th scope="col">{t('tower.colNotReady')}</th>
                  <th scope="col">{t('tower.colOverdue')}</th>
                  <th scope="col">{t('tower.colWithin1')}</th>
                  <th scope="col">{t('tower.colWithin3')}</th>
                  <th scope="col">{t('tower.colWithin7')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.map((q) => (
                  <tr key={q.modality}>
                    <th scope="row">{t(`modality.${q.modality}`)}</th>
                    <td className="num">{formatNumber(q.waiting)}</td>
                    <td className="num">{formatNumber(q.inIntake)}</td>
                    <td className="num">{formatNumber(q.notReady)}</td>
                    <td className={q.overdue > 0 ? 'num tower-over' : 'num'}>{formatNumber(q.overdue)}</td>
                    <td className="num">{formatNumber(q.within1)}</td>
                    <td className="num">{formatNumber(q.within3)}</td>
                    <td className="num">{formatNumber(q.within7)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{t('tower.queueNote')}</p>
        </>
      )}
    </aside>
  );
}

/** Session types with anything to show in the window; the others would only add empty columns. */
function shownTypes(days: readonly Day[]): SessionType[] {
  const types = new Set<SessionType>();
  for (const day of days) for (const cell of day.byType) if (cell.sessions > 0 || cell.booked > 0) types.add(cell.sessionType);
  return days[0]?.byType.map((c) => c.sessionType).filter((type) => types.has(type)) ?? [];
}

function groupByWeek(days: readonly Day[]): Day[][] {
  const weeks = new Map<string, Day[]>();
  for (const day of days) {
    const monday = mondayOf(new Date(`${day.date}T12:00:00`));
    const list = weeks.get(monday) ?? [];
    list.push(day);
    weeks.set(monday, list);
  }
  return [...weeks.values()];
}
