import { addDays, format } from 'date-fns';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/case-schemas';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { useOperationQuery } from '../../api/use-operation-query';
import { ActionButton, ActionReason } from '../../components/ActionButton';
import { ErrorPanel } from '../../components/ErrorPanel';
import { UndoNotice } from '../../components/UndoNotice';
import { PlacementFields, placementReady, usePlacementChoice } from '../../components/PlacementFields';

/**
 * Place, move or unplan a case by hand. Each candidate session shows what placing the case there would
 * break; breaking a rule needs an explicit confirmation, and the reason always goes into the history.
 */
export function PlacementForm({ detail, today = new Date() }: { detail: CaseDetail; today?: Date }) {
  const { t } = useTranslation();
  const from = format(today, 'yyyy-MM-dd');
  const to = format(addDays(today, 41), 'yyyy-MM-dd');
  const candidates = useOperationQuery('planner.candidates', { caseId: detail.id, from, to });
  const choice = usePlacementChoice();
  const [error, setError] = useState<string | undefined>();
  const place = useOperationMutation('planner.place', { onSuccess: () => choice.reset() });
  const ready = placementReady(candidates.data, choice);
  const planned = detail.status === 'planned';
  const reasonId = useId();

  const submit = (target: number | null) => (event?: FormEvent) => {
    event?.preventDefault();
    const missing = choice.reason.trim().length < 3 ? t('placement.reasonRequired') : undefined;
    setError(missing);
    if (!missing) place.mutate({ caseId: detail.id, sessionId: target, pin: choice.pin, reason: choice.reason, confirmBreach: choice.confirm, expectedVersion: detail.version });
  };

  return (
    <form onSubmit={submit(ready ? ready.sessionId : null)} noValidate aria-labelledby="placement-title">
      <h2 id="placement-title">{planned ? t('placement.titleMove') : t('placement.titlePlace')}</h2>
      <PlacementFields idPrefix="placement" sessionLabel={t('placement.session')} candidates={candidates.data} loading={candidates.isPending} choice={choice} reasonError={error} />
      <div className="actions">
        <ActionButton mutation={place} type="submit" disabled={!ready} reasonId={reasonId}>
          {planned ? t('placement.submitMove') : t('placement.submitPlace')}
        </ActionButton>
        {planned && (
          <ActionButton mutation={place} className="secondary" onClick={() => submit(null)()} reasonId={reasonId}>
            {t('placement.unplan')}
          </ActionButton>
        )}
      </div>
      <ActionReason mutation={place} id={reasonId} />
      {place.isSuccess && (
        // A move or unplan can be undone right away; the notice stays until the next action.
        <UndoNotice token={place.data.undo}>{t('placement.saved')}</UndoNotice>
      )}
      {place.isError && <ErrorPanel error={place.error} />}
    </form>
  );
}
