import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RollEntry } from '../../../../shared/outcomes/decision-schemas';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { NotConfirmed } from '../../components/sync/NotConfirmed';
import { usePageTitle } from '../../components/usePageTitle';
import { formatLongDay } from '../../i18n/format';
import { RollEntryForm } from './RollEntryForm';
import { RollEntrySummary } from './RollEntrySummary';

/**
 * The outcomes of one session, case by case in the order of its roll. Each case without an outcome
 * has its own compact form; saving one moves the focus to the next case still to do.
 */
export function SessionRollPage() {
  const { t } = useTranslation();
  const sessionId = Number(useParams()['sessionId']);
  const query = useOperationQuery('outcomes.roll', { sessionId }, { enabled: Number.isInteger(sessionId) && sessionId > 0 });
  const firstFields = useRef(new Map<number, HTMLInputElement>());
  const [correcting, setCorrecting] = useState<number | null>(null);
  const roll = query.data;
  usePageTitle(roll ? t('outcomes.title', { day: formatLongDay(roll.session.date) }) : t('app.loading'));
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  if (!roll) return <p role="status">{t('app.loading')}</p>;

  const focusNextAfter = (entry: RollEntry) => {
    const index = roll.entries.indexOf(entry);
    const next = [...roll.entries.slice(index + 1), ...roll.entries.slice(0, index)].find((e) => e.outcome === null && e.hearingId !== entry.hearingId);
    const target = next ? firstFields.current.get(next.hearingId) : null;
    if (target) target.focus();
    else document.getElementById('roll-done')?.focus();
  };
  const open = roll.entries.filter((e) => e.outcome === null).length;
  const s = roll.session;

  return (
    <>
      <p>
        <Link to={`/zittingen?week=${s.date}`}>← {t('outcomes.backToWeek')}</Link>
      </p>
      <h1>{t('outcomes.title', { day: formatLongDay(s.date) })}</h1>
      <section className="panel">
        <p>
          {t(`sessionType.${s.sessionType}`)} · {s.startTime}–{s.endTime} · {s.location}, {s.room}
        </p>
        <p>
          {s.judgeName ? t('sessions.judge', { name: s.judgeName }) : t('sessions.noJudge')} · {s.prosecutorName ? t('sessions.prosecutor', { name: s.prosecutorName }) : t('sessions.noProsecutor')}
        </p>
        <p id="roll-done" tabIndex={-1} role="status">
          {roll.entries.length === 0 ? t('outcomes.emptyRoll') : open === 0 ? t('outcomes.allRecorded') : t('outcomes.open', { count: open, total: roll.entries.length })}
        </p>
        <p className="muted">{t('outcomes.noAdvice')}</p>
      </section>
      <ol className="roll-list">
        {roll.entries.map((entry, index) => {
          const titleId = `roll-entry-${entry.hearingId}`;
          return (
            <li key={entry.hearingId} className="panel roll-entry" aria-labelledby={titleId}>
              <h2 id={titleId}>
                {index + 1}. {entry.parketnummer} · {entry.suspectName}
              </h2>
              <NotConfirmed subjects={[{ table: 'hearing', key: String(entry.hearingId) }]} />
              <p className="muted">
                {t(`modality.${entry.modality}`)} · {entry.offenceSummary} · <Link to={`/zaken/${entry.caseId}`}>{t('outcomes.openCase')}</Link>
                {entry.probationAdvice && ` · ${t('outcomes.probationAdvice', { status: t(`outcomes.adviceStatus.${entry.probationAdvice.status}`) })}`}
              </p>
              {entry.outcome && correcting !== entry.hearingId ? (
                <>
                  <RollEntrySummary entry={entry} />
                  {(entry.decision === null || entry.decision.handoff === null || entry.decision.handoff.attempt === 0) && (
                    <button type="button" onClick={() => setCorrecting(entry.hearingId)}>
                      {t('outcomes.correct', { parketnummer: entry.parketnummer })}
                    </button>
                  )}
                </>
              ) : (
                <RollEntryForm
                  entry={entry}
                  judgeName={s.judgeName}
                  session={s}
                  correcting={entry.outcome !== null}
                  firstFieldRef={(element) => {
                    if (element) firstFields.current.set(entry.hearingId, element);
                    else firstFields.current.delete(entry.hearingId);
                  }}
                  onSaved={() => {
                    setCorrecting(null);
                    focusNextAfter(entry);
                  }}
                />
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
