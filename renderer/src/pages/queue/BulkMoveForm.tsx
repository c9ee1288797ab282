import { useQueries } from '@tanstack/react-query';
import { addDays, format } from 'date-fns';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationOutput } from '../../../../shared/api/contract';
import { useApi } from '../../api/api-context';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { operationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SelectField, TextField } from '../../components/FormField';
import { useFocusFirstError } from '../../forms/focus-first-error';
import { checkOperationInput } from '../../forms/validate-input';
import { formatShortDay } from '../../i18n/format';
import { sharedCandidates } from './shared-candidates';
import { selectionItems, type Selection } from './use-queue-selection';
import { ActionButton } from '../../components/ActionButton';

/** The sessions offered are checked against at most this many selected cases (one planner.candidates read each). */
const CANDIDATE_CASES = 20;

/**
 * The sessions of the next six weeks that take each of the selected cases (planner.candidates per case,
 * for the first CANDIDATE_CASES of them: session open and not started, accepts the modality and minors
 * (art. 77a Sr); a planned case's own session is never offered). A session where some of the cases
 * would break a rule is offered with that count: the back end refuses those cases, each on its own.
 */
function useSharedCandidates(selected: Selection, today: Date) {
  const api = useApi();
  const from = format(today, 'yyyy-MM-dd');
  const to = format(addDays(today, 41), 'yyyy-MM-dd');
  const ids = [...selected.keys()].slice(0, CANDIDATE_CASES);
  const queries = useQueries({ queries: ids.map((caseId) => operationQuery(api, 'planner.candidates', { caseId, from, to })) });
  const failed = queries.find((q) => q.isError);
  const pending = queries.some((q) => q.isPending);
  const shared = !pending && !failed ? sharedCandidates(queries.map((q) => q.data ?? [])) : undefined;
  return { shared, pending, failed, checked: ids.length, refetch: () => queries.forEach((q) => void q.refetch()) };
}

/** 'place': cases waiting in the Werkvoorraad onto a session; 'move': planned cases on a session's roll to another one. */
type MoveVariant = 'place' | 'move';

/**
 * The selected cases onto one session (planner.moveMany). The back end checks every case on its own
 * with the single move's rules and refuses, per case, what would break one: for a planned case a new
 * date needs a new summons served in time (art. 265 lid 1 / art. 370 Sv).
 */
export function BulkMoveForm({
  selected,
  today,
  onDone,
  variant = 'place',
}: {
  selected: Selection;
  today: Date;
  onDone: (answer: OperationOutput<'planner.moveMany'>) => void;
  variant?: MoveVariant;
}) {
  const { t } = useTranslation();
  const [sessionId, setSessionId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, errors);
  const candidates = useSharedCandidates(selected, today);
  // The sessions follow the selection: a choice no longer offered is no choice.
  const chosen = candidates.shared?.some((s) => String(s.sessionId) === sessionId) ? sessionId : '';
  const mutation = useOperationMutation('planner.moveMany', { onSuccess: onDone });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { items: selectionItems(selected), sessionId: chosen ? Number(chosen) : undefined, pin: false, reason };
    const checked = checkOperationInput('planner.moveMany', input, t, { labels: { sessionId: t('queue.bulk.session'), reason: t(`queue.bulk.${variant}.reason`) } });
    setErrors(checked.errors);
    if (checked.input) mutation.mutate(checked.input);
  };
  const limit = selected.size > candidates.checked ? t('queue.bulk.sessionsLimit', { count: candidates.checked }) : '';
  return (
    <form ref={form} onSubmit={submit} noValidate aria-labelledby={`bulk-${variant}-title`}>
      <h2 id={`bulk-${variant}-title`}>{t(`queue.bulk.${variant}.title`)}</h2>
      <p className="muted">{t(`queue.bulk.${variant}.hint`, { limit })}</p>
      {candidates.failed && <ErrorPanel error={candidates.failed.error} onRetry={candidates.refetch} />}
      {candidates.shared?.length === 0 && <p role="status">{t('queue.bulk.noSessions')}</p>}
      <div className="form-grid">
        <SelectField
          label={t('queue.bulk.session')}
          value={chosen}
          onChange={setSessionId}
          placeholder={candidates.pending ? t('app.loading') : t('queue.bulk.chooseSession')}
          options={(candidates.shared ?? []).map((s) => {
            const where = { day: formatShortDay(s.date), time: s.startTime, location: s.location, room: s.room, free: s.free };
            return {
              value: String(s.sessionId),
              label:
                s.withBreaches > 0
                  ? t('queue.bulk.sessionOptionBreaches', { ...where, count: s.withBreaches, of: candidates.checked })
                  : t('queue.bulk.sessionOption', where),
            };
          })}
          error={errors['sessionId']}
          required
        />
        <TextField label={t(`queue.bulk.${variant}.reason`)} value={reason} onChange={setReason} error={errors['reason']} required />
      </div>
      {errors['items'] && (
        <p className="field-error" tabIndex={-1} data-form-error>
          {errors['items']}
        </p>
      )}
      <div className="actions">
        <ActionButton mutation={mutation} type="submit">
          {mutation.isPending ? t('queue.bulk.busy') : t(`queue.bulk.${variant}.submit`, { count: selected.size })}
        </ActionButton>
      </div>
      {mutation.isError && <ErrorPanel error={mutation.error} />}
    </form>
  );
}
