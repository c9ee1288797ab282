import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/case-schemas';
import type { UndoToken } from '../../../../shared/api/undo-schemas';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { useOperationQuery } from '../../api/use-operation-query';
import { ActionButton, ActionReason } from '../../components/ActionButton';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PlacementFields, placementReady, usePlacementChoice } from '../../components/PlacementFields';

export interface MoveRequest {
  caseId: number;
  /** The case's version as the week shows it: the move is refused (CONFLICT) when the case changed since. */
  caseVersion: number;
  parketnummer: string;
  fromSessionId: number;
  /** The session the case was dropped on; null when the move was started from the keyboard. */
  toSessionId: number | null;
}

export interface MoveOutcome {
  parketnummer: string;
  /** The hearing the case now has (null when it was taken out of the planning). */
  hearing: CaseDetail['hearings'][number] | null;
  /** The move's or unplan's undo token ('Ongedaan maken' in the week view). */
  undo: UndoToken | null;
}

/**
 * Confirms a move started by dragging a case onto another session, or by its 'Verplaatsen' button
 * (the keyboard way). It offers every session of the coming six weeks that takes the case (and the
 * shown week), not only the shown week's, each with what it would break (planner.candidates, the same
 * check the service applies); a breach needs an explicit confirmation, and the reason always goes into the history.
 */
export function MoveCaseDialog({ request, window, onClose }: { request: MoveRequest; window: { from: string; to: string }; onClose: (outcome?: MoveOutcome) => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const candidates = useOperationQuery('planner.candidates', { caseId: request.caseId, ...window });
  // The session the case was dropped on is preselected; later choices are the user's.
  const choice = usePlacementChoice(request.toSessionId === null ? '' : String(request.toSessionId));
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    // A modal <dialog> keeps focus inside and closes on Escape; jsdom lacks showModal.
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
  }, []);

  const place = useOperationMutation('planner.place', {
    onSuccess: (result, input) => {
      const hearing = input.sessionId === null ? null : (result.detail.hearings.find((h) => h.status === 'planned' && h.sessionId === input.sessionId) ?? null);
      close({ parketnummer: request.parketnummer, hearing, undo: result.undo ?? null });
    },
  });

  const close = (outcome?: MoveOutcome) => {
    const element = dialog.current;
    if (element && typeof element.close === 'function') element.close();
    onClose(outcome);
  };

  const ready = placementReady(candidates.data, choice);
  const droppedOnUnacceptable = request.toSessionId !== null && candidates.isSuccess && !candidates.data.some((c) => c.sessionId === request.toSessionId);

  const submit = (target: number | null) => (event?: FormEvent) => {
    event?.preventDefault();
    const missing = choice.reason.trim().length < 3 ? t('placement.reasonRequired') : undefined;
    setError(missing);
    if (!missing) place.mutate({ caseId: request.caseId, sessionId: target, pin: choice.pin, reason: choice.reason, confirmBreach: choice.confirm, expectedVersion: request.caseVersion });
  };

  return (
    <dialog ref={dialog} className="move-dialog" aria-labelledby="move-title" onCancel={(e) => { e.preventDefault(); close(); }}>
      <form onSubmit={submit(ready ? ready.sessionId : null)} noValidate>
        <h2 id="move-title">{t('move.title', { parketnummer: request.parketnummer })}</h2>
        <ActionReason mutation={place} id="move-unavailable" />
        {droppedOnUnacceptable && (
          <p className="panel panel-error" role="alert">
            {t('move.notAccepted')}
          </p>
        )}
        {candidates.isError && <ErrorPanel error={candidates.error} />}
        <PlacementFields idPrefix="move" sessionLabel={t('move.target')} candidates={candidates.data} loading={candidates.isPending} choice={choice} reasonError={error} />
        {place.isError && <ErrorPanel error={place.error} />}
        <div className="actions">
          <ActionButton mutation={place} type="submit" disabled={!ready} reasonId="move-unavailable">
            {t('placement.submitMove')}
          </ActionButton>
          <ActionButton mutation={place} className="secondary" onClick={() => submit(null)()} reasonId="move-unavailable">
            {t('placement.unplan')}
          </ActionButton>
          <button type="button" className="secondary" onClick={() => close()}>
            {t('move.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
