import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OperationOutput } from '../../../../shared/api/contract';
import type { CourtRoll, CourtRollRow } from '../../../../shared/sessions/court-roll-schemas';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ExportButton } from '../../components/ExportButton';
import { PrintButton } from '../../components/PrintButton';
import { usePageTitle } from '../../components/usePageTitle';
import { formatInstant, formatLongDay } from '../../i18n/format';
import { BulkMoveForm } from '../queue/BulkMoveForm';
import { BulkResult, type BulkOutcome } from '../queue/BulkResult';
import { BulkUnplanForm } from '../queue/BulkUnplanForm';
import { useQueueSelection, type SelectablePage } from '../queue/use-queue-selection';
import { mondayOf } from './week';

/**
 * The court roll (zittingsrol) of one session, printable (print.css: A4, the table's header on every
 * page) and the page `ketenplanner roll` and the Electron app print to PDF: data-print-root, data-ready
 * and data-print-header follow shared/print/print-page.ts.
 *
 * On screen the coordinator ticks planned cases on the roll and moves them to another session or takes
 * them out of the planning in one go (planner.moveMany / planner.unplanMany, issue 15 item 2): the
 * back end checks each case on its own (a new date needs a new summons served in time, art. 265 lid 1 /
 * art. 370 Sv) and the result names every refused case with its reason; those stay ticked. The ticks
 * and the action panel are screen only (no-print): the printed roll is unchanged.
 */
export function CourtRollPage({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation();
  const { sessionId } = useParams();
  const id = Number(sessionId);
  const query = useOperationQuery('sessions.courtRoll', { sessionId: id }, { enabled: Number.isInteger(id) && id > 0 });
  const roll = query.data;
  // Only a planned hearing can be moved or taken out; a held one is history. One page: the whole roll.
  const selectable: SelectablePage = { rows: (roll?.rows ?? []).filter((r) => r.hearingStatus === 'planned').map((r) => ({ id: r.caseId, version: r.caseVersion, parketnummer: r.parketnummer })) };
  const selection = useQueueSelection(new Map([[0, roll ? selectable : undefined]]), Math.max(1, selectable.rows.length));
  const [action, setAction] = useState<'move' | 'unplan'>('move');
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  /** After a bulk action: the refused cases stay selected, and the result says which and why. */
  const bulkDone = (kind: BulkOutcome['kind']) => (answer: OperationOutput<'planner.moveMany'>) => {
    selection.keepOnly(answer.results.filter((r) => !r.ok).map((r) => r.caseId));
    setOutcome({ kind, results: answer.results.map((r) => ({ key: r.caseId, label: r.parketnummer ?? t('queue.bulk.unknownCase', { id: r.caseId }), ok: r.ok, message: r.message })) });
  };
  const title = roll ? t('courtRoll.title', { date: formatLongDay(roll.session.date), time: roll.session.startTime }) : t('courtRoll.heading');
  usePageTitle(title);

  if (query.isError || !(Number.isInteger(id) && id > 0)) {
    return (
      <article className="court-roll" data-print-root="" data-ready="error">
        <h1>{t('courtRoll.heading')}</h1>
        {query.isError ? <ErrorPanel error={query.error} onRetry={() => void query.refetch()} /> : <p role="alert">{t('courtRoll.badId')}</p>}
        <p>
          <Link to="/zittingen">{t('courtRoll.back')}</Link>
        </p>
      </article>
    );
  }
  if (!roll) {
    return (
      <article className="court-roll" data-print-root="" aria-busy="true">
        <h1>{t('courtRoll.heading')}</h1>
        <p role="status">{t('app.loading')}</p>
      </article>
    );
  }
  const { session } = roll;
  const selectIndex = new Map(selectable.rows.map((r, index) => [r.id, index]));
  const header = t('courtRoll.printHeader', {
    district: roll.districtName,
    date: formatLongDay(session.date),
    start: session.startTime,
    end: session.endTime,
    location: session.locationName,
    room: session.courtroomName,
  });
  return (
    <article className="court-roll" data-print-root="" data-ready="true" data-print-header={header}>
      <header className="court-roll-header">
        <h1>{title}</h1>
        <p className="no-print">
          <PrintButton />{' '}
          <Link to={`/zittingen?week=${mondayOf(new Date(`${session.date}T12:00:00`))}`}>{t('courtRoll.back')}</Link>
        </p>
        {roll.rows.length > 0 && <ExportButton request={{ list: 'courtRoll', filters: { sessionId: session.id } }} />}
        {session.status === 'cancelled' && (
          <p role="alert">
            <strong>{t('courtRoll.cancelled')}</strong>
          </p>
        )}
        <SessionFacts roll={roll} />
      </header>
      {roll.rows.length === 0 ? (
        <p>{t('courtRoll.noCases')}</p>
      ) : (
        <table className="court-roll-table">
          <caption>{t('courtRoll.caption', { count: roll.rows.length, date: formatLongDay(session.date) })}</caption>
          <thead>
            <tr>
              <th scope="col" className="select-cell no-print">
                {selectable.rows.length > 0 && (
                  <input
                    type="checkbox"
                    aria-label={t('courtRoll.select.all')}
                    checked={selection.allShownSelected}
                    ref={(box) => {
                      if (box) box.indeterminate = selection.someSelected && !selection.allShownSelected;
                    }}
                    onChange={selection.toggleAllShown}
                  />
                )}
              </th>
              <th scope="col">{t('courtRoll.columns.time')}</th>
              <th scope="col">{t('courtRoll.columns.parketnummer')}</th>
              <th scope="col">{t('courtRoll.columns.suspect')}</th>
              <th scope="col">{t('courtRoll.columns.offence')}</th>
              <th scope="col">{t('courtRoll.columns.lawyer')}</th>
              <th scope="col">{t('courtRoll.columns.interpreter')}</th>
              <th scope="col">{t('courtRoll.columns.detained')}</th>
              <th scope="col">{t('courtRoll.columns.limit')}</th>
            </tr>
          </thead>
          <tbody>
            {roll.rows.map((row) => {
              const index = selectIndex.get(row.caseId);
              return (
                <RollRow key={row.caseId} row={row}>
                  {index !== undefined && (
                    <input
                      type="checkbox"
                      aria-label={t('queue.bulk.selectCase', { parketnummer: row.parketnummer })}
                      checked={selection.selected.has(row.caseId)}
                      onClick={(e) => selection.toggle(index, e.currentTarget.checked, e.shiftKey)}
                      onChange={() => undefined}
                    />
                  )}
                </RollRow>
              );
            })}
          </tbody>
        </table>
      )}
      {outcome && (
        <div className="no-print">
          <BulkResult outcome={outcome} onClose={() => setOutcome(null)} />
        </div>
      )}
      {selection.someSelected && (
        <section className="panel bulk-bar no-print" aria-label={t('queue.bulk.barLabel')} data-testid="bulk-bar">
          <div className="bulk-bar-head">
            <p aria-live="polite">{t('queue.bulk.selected', { count: selection.selected.size })}</p>
            <div role="group" aria-label={t('courtRoll.select.action')} className="segmented">
              <button type="button" aria-pressed={action === 'move'} onClick={() => setAction('move')}>
                {t('courtRoll.select.toOther')}
              </button>
              <button type="button" aria-pressed={action === 'unplan'} onClick={() => setAction('unplan')}>
                {t('courtRoll.select.unplan')}
              </button>
            </div>
            <button type="button" onClick={selection.clear}>
              {t('queue.bulk.clear')}
            </button>
          </div>
          {action === 'move' ? (
            <BulkMoveForm selected={selection.selected} today={today} onDone={bulkDone('moved')} variant="move" />
          ) : (
            <BulkUnplanForm selected={selection.selected} onDone={bulkDone('unplanned')} />
          )}
        </section>
      )}
    </article>
  );
}

function SessionFacts({ roll }: { roll: CourtRoll }) {
  const { t } = useTranslation();
  const { session } = roll;
  const facts: [string, string][] = [
    [t('courtRoll.district'), roll.districtName],
    [t('courtRoll.when'), t('courtRoll.whenValue', { date: formatLongDay(session.date), start: session.startTime, end: session.endTime })],
    [t('courtRoll.place'), t('courtRoll.placeValue', { location: session.locationName, city: session.city, room: session.courtroomName })],
    [t('courtRoll.type'), t(`sessionType.${session.sessionType}`)],
    [t('courtRoll.judge'), session.judgeName ?? t('courtRoll.notAssigned')],
    [t('courtRoll.prosecutor'), session.prosecutorName ?? t('courtRoll.notAssigned')],
    [t('courtRoll.clerk'), session.clerkName ?? t('courtRoll.clerkUnknown')],
  ];
  return (
    <dl className="court-roll-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One case on the roll; `children`: its tick box (screen only), empty when the case cannot be selected. */
function RollRow({ row, children }: { row: CourtRollRow; children?: ReactNode }) {
  const { t } = useTranslation();
  const interpreter = !row.interpreterNeeded
    ? t('courtRoll.interpreterNone')
    : t(row.interpreterArranged ? 'courtRoll.interpreterArranged' : 'courtRoll.interpreterPending', { note: row.interpreterNote ? ` (${row.interpreterNote})` : '' });
  return (
    <tr data-case-id={row.caseId}>
      <td className="select-cell no-print">{children}</td>
      <td className="number">{row.time}</td>
      <th scope="row">
        <Link to={`/zaken/${row.caseId}`}>{row.parketnummer}</Link>
      </th>
      <td className="free-text">{row.suspectName}</td>
      <td className="free-text">{row.offence}</td>
      <td className="free-text">{row.lawyerName ?? t('courtRoll.noLawyer')}</td>
      <td>{interpreter}</td>
      <td>{row.detained ? t('courtRoll.detainedYes') : t('courtRoll.detainedNo')}</td>
      <td>{row.hardLimit ? formatInstant(row.hardLimit) : '–'}</td>
    </tr>
  );
}
