import { addDays, format } from 'date-fns';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlannerSummary } from '../../../../shared/api/case-schemas';
import { useOperationMutation, type OperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { UndoNotice } from '../../components/UndoNotice';
import { DateField } from '../../components/DateTimeInputs';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatNumber, formatPercent } from '../../i18n/format';
import { ActionButton } from '../../components/ActionButton';

/** The planner proposes; a coordinator checks the proposal and its explanations, then records it. */
export function PlanningPage({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation();
  usePageTitle(t('planning.title'));
  const [from, setFrom] = useState(format(today, 'yyyy-MM-dd'));
  const [to, setTo] = useState(format(addDays(today, 41), 'yyyy-MM-dd'));
  const [holdBack, setHoldBack] = useState(false);
  const [replan, setReplan] = useState(false);
  const run = useOperationMutation('planner.run');
  const propose = (event: FormEvent) => {
    event.preventDefault();
    run.mutate({ from, to, dryRun: true, holdBackForUrgent: holdBack, replan });
  };
  const summary = run.data;

  return (
    <>
      <h1>{t('planning.title')}</h1>
      <p>{t('planning.intro')}</p>
      <form onSubmit={propose} className="filters">
        <DateField label={t('planning.from')} value={from} onChange={setFrom} />
        <DateField label={t('planning.to')} value={to} onChange={setTo} />
        <div className="checkbox">
          <input id="planning-hold-back" type="checkbox" checked={holdBack} aria-describedby="planning-hold-back-hint" onChange={(e) => setHoldBack(e.target.checked)} />
          <div>
            <label htmlFor="planning-hold-back">{t('planning.holdBack')}</label>
            <p id="planning-hold-back-hint" className="field-hint">
              {t('planning.holdBackHint')}
            </p>
          </div>
        </div>
        <div className="checkbox">
          <input id="planning-replan" type="checkbox" checked={replan} aria-describedby="planning-replan-hint" onChange={(e) => setReplan(e.target.checked)} />
          <div>
            <label htmlFor="planning-replan">{t('planning.replan')}</label>
            <p id="planning-replan-hint" className="field-hint">
              {t('planning.replanHint')}
            </p>
          </div>
        </div>
        <div className="actions">
          <ActionButton mutation={run} type="submit">
            {t('planning.propose')}
          </ActionButton>
        </div>
      </form>
      {run.isPending && <p role="status">{t('planning.busy')}</p>}
      {run.isError && <ErrorPanel error={run.error} />}
      {summary && !summary.dryRun && summary.undo && (
        <UndoNotice token={summary.undo} focusOnShow testId="planning-undo">
          {t('planning.recordedUndo', { count: summary.planned.length })}
        </UndoNotice>
      )}
      {summary && <PlanningSummaryView summary={summary} onCommit={() => run.mutate({ from, to, dryRun: false, holdBackForUrgent: holdBack, replan })} mutation={run} />}
    </>
  );
}

function PlanningSummaryView({ summary, onCommit, mutation }: { summary: PlannerSummary; onCommit: () => void; mutation: OperationMutation<'planner.run'> }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="planning-result">
      <h2 id="planning-result">{summary.dryRun ? t('planning.proposalTitle') : t('planning.recordedTitle')}</h2>
      <p role="status" data-testid="planning-summary">
        {t('planning.summary', {
          planned: formatNumber(summary.planned.length),
          infeasible: formatNumber(summary.infeasible.length),
          unplanned: formatNumber(summary.unplanned.length),
          notReady: formatNumber(summary.notReady),
          ms: formatNumber(summary.runTimeMs),
        })}
      </p>
      <table className="data-table">
        <caption>{t('planning.fillCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planning.colType')}</th>
            <th scope="col">{t('planning.colCapacity')}</th>
            <th scope="col">{t('planning.colBooked')}</th>
            <th scope="col">{t('planning.colFill')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.fillRateBySessionType.map((f) => (
            <tr key={f.sessionType}>
              <th scope="row">{t(`sessionType.${f.sessionType}`)}</th>
              <td>{formatNumber(f.capacity)}</td>
              <td>{formatNumber(f.booked)}</td>
              <td>{formatPercent(f.fillRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.infeasible.length > 0 && (
        <table className="data-table">
          <caption>{t('planning.infeasibleCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planning.colCase')}</th>
              <th scope="col">{t('planning.colReason')}</th>
              <th scope="col">{t('planning.colOptions')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.infeasible.map((i) => (
              <tr key={i.caseId}>
                <td className="nowrap">
                  <Link to={`/zaken/${i.caseId}`}>{i.parketnummer}</Link>
                </td>
                <td>{i.reason}</td>
                <td>{i.options.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.moved.length === 0 && summary.pinnedBySummonsWindow > 0 && (
        <p data-testid="planning-moved">{t('planning.movedCaption', { count: 0, pinned: formatNumber(summary.pinnedBySummonsWindow) })}</p>
      )}
      {summary.moved.length > 0 && (
        <PlacementsTable
          testId="planning-moved"
          caption={t('planning.movedCaption', { count: summary.moved.length, pinned: formatNumber(summary.pinnedBySummonsWindow) })}
          rows={summary.moved}
        />
      )}
      {summary.heldBack && summary.heldBack.length > 0 && (
        <table className="data-table" data-testid="planning-held-back">
          <caption>{t('planning.heldBackCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planning.colDate')}</th>
              <th scope="col">{t('planning.colSlots')}</th>
              <th scope="col">{t('planning.colHeldWhy')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.heldBack.map((h) => (
              <tr key={h.sessionId}>
                <td>{formatDate(h.date)}</td>
                <td>{formatNumber(h.slots)}</td>
                <td>{h.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.planned.length > 0 && (
        <PlacementsTable
          testId="planning-placements"
          caption={summary.dryRun ? t('planning.proposedCaption') : t('planning.plannedCaption')}
          rows={summary.planned}
        />
      )}
      {summary.dryRun && summary.planned.length > 0 && (
        <div className="actions">
          <ActionButton mutation={mutation} onClick={onCommit}>
            {t('planning.commit', { count: summary.planned.length, formatted: formatNumber(summary.planned.length) })}
          </ActionButton>
        </div>
      )}
    </section>
  );
}

/** Cases and the session each goes to, with the planner's reason: the proposal, or the announced hearings it moves. */
function PlacementsTable({ testId, caption, rows }: { testId: string; caption: string; rows: readonly { caseId: number; parketnummer: string; date: string; explanation: string }[] }) {
  const { t } = useTranslation();
  return (
    <table className="data-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('planning.colCase')}</th>
          <th scope="col">{t('planning.colDate')}</th>
          <th scope="col">{t('planning.colWhy')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.caseId}>
            <td className="nowrap">
              <Link to={`/zaken/${row.caseId}`}>{row.parketnummer}</Link>
            </td>
            <td className="nowrap">{formatDate(row.date)}</td>
            <td>{row.explanation}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
