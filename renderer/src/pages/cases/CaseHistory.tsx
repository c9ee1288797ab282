import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ActionButton } from '../../components/ActionButton';
import { ErrorPanel } from '../../components/ErrorPanel';
import type { CaseDetail } from '../../../../shared/api/case-schemas';
import { formatInstant } from '../../i18n/format';
import { formatHistoryValue } from './history-fields';

/** The audit actions whose details are field changes ({ field: { from, to } }), shown field by field. */
const FIELD_CHANGE_ACTIONS = new Set(['case.events_changed', 'case.details_changed']);

/** The audit trail of the case: who did what, when and why. */
export function CaseHistory({ history }: { history: CaseDetail['history'] }) {
  const { t } = useTranslation();
  const undoStatus = useRef<HTMLParagraphElement>(null);
  // The button leaves with its row once the history reloads: focus goes to what the undo did.
  const undo = useOperationMutation('history.undo', { onSuccess: () => undoStatus.current?.focus() });
  useEffect(() => {
    if (undo.isSuccess) undoStatus.current?.focus();
  }, [undo.isSuccess]);
  const words = {
    none: t('audit.none'),
    yes: t('audit.yes'),
    no: t('audit.no'),
    enumLabel: (key: string, value: string) => t(`${key}.${value}`, { defaultValue: value }),
  };
  const describe = (entry: CaseDetail['history'][number]) => {
    const d = entry.details ?? {};
    const label = (key: string, value: unknown) => (typeof value === 'string' ? t(`${key}.${value}`, { defaultValue: value }) : '');
    return t(`audit.${entry.action}`, {
      defaultValue: entry.action,
      from: label(entry.action === 'case.modality_changed' ? 'modality' : 'caseStatus', d['from']),
      to: label(entry.action === 'case.modality_changed' ? 'modality' : 'caseStatus', d['to']),
      outcome: label('zsmOutcome', d['outcome']),
      changes: FIELD_CHANGE_ACTIONS.has(entry.action)
        ? Object.entries(d)
            .map(([field, change]) => {
              const { from, to } = (change ?? {}) as { from?: unknown; to?: unknown };
              const name = t(`historyField.${field}`, { defaultValue: field });
              return `${name} ${formatHistoryValue(field, from, words)} → ${formatHistoryValue(field, to, words)}`;
            })
            .join('; ')
        : '',
    });
  };
  return (
    <>
      {undo.isSuccess && (
        <p className="panel" role="status" tabIndex={-1} ref={undoStatus} data-testid="history-undo-status">
          {undo.data.message}
        </p>
      )}
      {undo.isError && <ErrorPanel error={undo.error} />}
      <table className="data-table">
        <caption className="visually-hidden">{t('case.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('case.colWhen')}</th>
            <th scope="col">{t('case.colWho')}</th>
            <th scope="col">{t('case.colWhat')}</th>
            <th scope="col">{t('case.colWhy')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry) => (
            <tr key={entry.id}>
              <td>{formatInstant(entry.occurredAt)}</td>
              <td>{entry.actor}</td>
              <td>
                {describe(entry)}
                {/* Only the newest action, and only while the server says it can still be undone (history.undo). */}
                {entry.undoable && entry.undoActionId != null && (
                  <div className="actions">
                    <ActionButton mutation={undo} className="secondary" onClick={() => undo.mutate({ actionId: entry.undoActionId! })}>
                      {t('undo.button')}
                    </ActionButton>
                  </div>
                )}
                {entry.undoable === false && entry.undoBlockedReason && <p className="field-hint">{t('undo.blocked', { reason: entry.undoBlockedReason })}</p>}
              </td>
              <td>{entry.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
