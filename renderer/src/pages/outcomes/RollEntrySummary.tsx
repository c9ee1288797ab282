import { useTranslation } from 'react-i18next';
import type { RollEntry } from '../../../../shared/outcomes/decision-schemas';
import { formatDate, formatInstant } from '../../i18n/format';
import { sanctionText } from './sanction-text';

/** A recorded outcome in words: what, the decision and its sanctions, the hand-off, who recorded it. */
export function RollEntrySummary({ entry }: { entry: RollEntry }) {
  const { t } = useTranslation();
  const recorded = entry.outcome!;
  const decision = entry.decision;
  return (
    <div className="roll-entry-summary" data-testid="recorded-outcome">
      <p>
        <strong>{t(`hearingOutcome.${recorded.outcome}`)}</strong>
        {recorded.reason ? ` · ${recorded.reason}` : ''}
        {recorded.resumeFrom ? ` · ${t('outcomes.resumeFromText', { day: formatDate(recorded.resumeFrom) })}` : ''}
      </p>
      {decision && (
        <>
          <ul className="plain-list">
            {decision.sanctions.map((s) => (
              <li key={s.id}>{sanctionText(s, t)}</li>
            ))}
          </ul>
          <p className="muted">
            {t('outcomes.decidedByText', { name: decision.decidedBy, moment: formatInstant(decision.decidedAt) })}
            {' · '}
            {decision.handoff ? t(`outcomes.handoff.${decision.handoff.status}`) : t('outcomes.noHandoff')}
          </p>
        </>
      )}
      <p className="muted">{t('outcomes.recordedBy', { name: recorded.recordedBy, moment: formatInstant(recorded.recordedAt) })}</p>
    </div>
  );
}
