import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationOutput } from '../../../shared/api/contract';
import { formatShortDay } from '../i18n/format';
import { FieldShell } from './FormField';

type Candidate = OperationOutput<'planner.candidates'>[number];

/** The choices of a manual placement: target session, confirmation of a breach, pin, and the reason. */
export function usePlacementChoice(initialSessionId = '') {
  const [sessionId, setSessionId] = useState(initialSessionId);
  const [pin, setPin] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [reason, setReason] = useState('');
  const reset = () => {
    setSessionId('');
    setPin(false);
    setConfirm(false);
    setReason('');
  };
  return { sessionId, setSessionId, pin, setPin, confirm, setConfirm, reason, setReason, reset };
}

export type PlacementChoice = ReturnType<typeof usePlacementChoice>;

/**
 * The fields of a manual placement, shared by the case page and the week view's move dialog. Each
 * candidate says what placing the case there would break; a breach needs an explicit confirmation.
 */
export function PlacementFields({
  idPrefix,
  sessionLabel,
  candidates,
  loading = false,
  choice,
  reasonError,
}: {
  idPrefix: string;
  sessionLabel: string;
  candidates: readonly Candidate[] | undefined;
  loading?: boolean;
  choice: PlacementChoice;
  reasonError: string | undefined;
}) {
  const { t } = useTranslation();
  const chosen = candidates?.find((c) => String(c.sessionId) === choice.sessionId);
  return (
    <>
      <FieldShell label={sessionLabel}>
        {(a11y) => (
          <select {...a11y} value={choice.sessionId} onChange={(e) => { choice.setSessionId(e.target.value); choice.setConfirm(false); }}>
            <option value="">{loading ? t('app.loading') : t('placement.chooseSession')}</option>
            {(candidates ?? []).map((c) => (
              <option key={c.sessionId} value={c.sessionId}>
                {`${formatShortDay(c.date)} ${c.startTime} · ${t(`sessionType.${c.sessionType}`)} · ${c.location}, ${c.room} · ${t('placement.free', { count: c.free })}${c.breaches.length ? ` · ${t('placement.breaks')}` : ''}`}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      {chosen && chosen.breaches.length > 0 && (
        <div className="panel panel-error" role="alert">
          <p>
            <strong>{t('placement.breachTitle')}</strong>
          </p>
          <ul>
            {chosen.breaches.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
          <div className="checkbox">
            <input id={`${idPrefix}-confirm`} type="checkbox" checked={choice.confirm} onChange={(e) => choice.setConfirm(e.target.checked)} />
            <label htmlFor={`${idPrefix}-confirm`}>{t('placement.confirm')}</label>
          </div>
        </div>
      )}
      <div className="checkbox">
        <input id={`${idPrefix}-pin`} type="checkbox" checked={choice.pin} onChange={(e) => choice.setPin(e.target.checked)} />
        <label htmlFor={`${idPrefix}-pin`}>{t('placement.pin')}</label>
      </div>
      <FieldShell label={t('placement.reason')} error={reasonError}>
        {(a11y) => <textarea {...a11y} rows={2} value={choice.reason} onChange={(e) => choice.setReason(e.target.value)} />}
      </FieldShell>
    </>
  );
}

/** Whether the chosen session can be submitted: one is chosen, and any breach is confirmed. */
export function placementReady(candidates: readonly Candidate[] | undefined, choice: PlacementChoice): Candidate | null {
  const chosen = candidates?.find((c) => String(c.sessionId) === choice.sessionId);
  return chosen && (chosen.breaches.length === 0 || choice.confirm) ? chosen : null;
}
