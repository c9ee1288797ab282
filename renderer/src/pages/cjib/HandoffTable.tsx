import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HandoffGroup, HandoffQueueItem } from '../../../../shared/cjib/handoff-schemas';
import { formatInstant } from '../../i18n/format';
import { ReturnRepairLinks } from '../cases/ReturnRepairLinks';
import { ReworkForm } from './ReworkForm';

type Countdown = NonNullable<HandoffQueueItem['toCjib']>;

/** A countdown in words; overdue also gets a badge, so the state never hangs on colour alone. */
function CountdownText({ label, countdown }: { label: string; countdown: Countdown }) {
  const { t } = useTranslation();
  return (
    <li>
      {countdown.overdue && <span className="badge urgency-overdue">{t('handoff.overdue')}</span>} {label}
    </li>
  );
}

function Terms({ item }: { item: HandoffQueueItem }) {
  const { t } = useTranslation();
  const toOm = item.judgmentToOm;
  return (
    <ul className="plain-list">
      {toOm?.signedAt && <li>{t('handoff.judgmentSigned', { date: formatInstant(toOm.signedAt) })}</li>}
      {toOm?.countdown && <CountdownText countdown={toOm.countdown} label={t('handoff.judgmentToOm', { text: toOm.countdown.text })} />}
      {item.toCjib && <CountdownText countdown={item.toCjib} label={t('handoff.toCjib', { text: item.toCjib.text })} />}
    </ul>
  );
}

function Problems({ item }: { item: HandoffQueueItem }) {
  const { t } = useTranslation();
  if (item.problems.length === 0) return <>{t('handoff.complete')}</>;
  return (
    <ul className="plain-list">
      {item.problems.map((p) => (
        <li key={p.message}>{p.message}</li>
      ))}
    </ul>
  );
}

/** One group of the queue as a table; the columns follow what matters in that group. */
export function HandoffTable({ group, items, onReworked }: { group: HandoffGroup; items: HandoffQueueItem[]; onReworked: (parketnummer: string) => void }) {
  const { t } = useTranslation();
  const title = t(`handoff.group.${group}`);
  const open = group === 'ready' || group === 'blocked' || group === 'waiting';
  return (
    <section aria-labelledby={`handoff-${group}`}>
      <h2 id={`handoff-${group}`}>{title}</h2>
      <p>{t(`handoff.groupIntro.${group}`)}</p>
      {items.length === 0 ? (
        <p>{t('handoff.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid={`handoff-${group}`}>
            <caption>{t('handoff.caption', { group: title, count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('handoff.colCase')}</th>
                <th scope="col">{t('handoff.colSuspect')}</th>
                <th scope="col">{t('handoff.colDecision')}</th>
                {open && <th scope="col">{t('handoff.colEnforceability')}</th>}
                {open && <th scope="col">{t('handoff.colTerms')}</th>}
                {open && <th scope="col">{t('handoff.colProblems')}</th>}
                {group === 'sent' && <th scope="col">{t('handoff.colSent')}</th>}
                {group === 'returned' && <th scope="col">{t('handoff.colReason')}</th>}
                {group === 'returned' && <th scope="col">{t('handoff.colLoops')}</th>}
                {group === 'returned' && <th scope="col">{t('handoff.colProblems')}</th>}
                {group === 'returned' && <th scope="col">{t('handoff.colAction')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.handoffId}>
                  <th scope="row">
                    <Link to={`/zaken/${item.caseId}`}>{item.parketnummer}</Link>
                  </th>
                  <td>{item.suspectName}</td>
                  <td>
                    {t('handoff.decided', { kind: t(`handoff.kind.${item.decisionKind}`), date: formatInstant(item.decidedAt), by: item.decidedBy })}
                    {item.returnCount > 0 && group !== 'returned' && item.returnLabel && (
                      <p className="field-hint">{t('handoff.previouslyReturned', { count: item.returnCount, reason: item.returnLabel })}</p>
                    )}
                  </td>
                  {open && <td>{item.enforceability}</td>}
                  {open && (
                    <td>
                      <Terms item={item} />
                    </td>
                  )}
                  {open && (
                    <td>
                      <Problems item={item} />
                    </td>
                  )}
                  {group === 'sent' && <td>{t('handoff.sentInfo', { since: item.sentSince ?? '', attempt: item.attempt, batch: item.lastBatchUid?.slice(0, 8) ?? '' })}</td>}
                  {group === 'returned' && (
                    <td>
                      {item.returnLabel}
                      <ReturnRepairLinks caseId={item.caseId} returnCode={item.returnCode} returnReason={item.returnReason} parketnummer={item.parketnummer} />
                    </td>
                  )}
                  {group === 'returned' && <td>{t('handoff.loops', { count: item.returnCount })}</td>}
                  {group === 'returned' && (
                    <td>
                      <Problems item={item} />
                    </td>
                  )}
                  {group === 'returned' && (
                    <td>
                      <ReworkForm handoffId={item.handoffId} version={item.version} parketnummer={item.parketnummer} onDone={onReworked} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
