import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell } from '../../components/FormField';
import { ActionButton } from '../../components/ActionButton';

/** A filler case or a case the OM summoned outside the ZSM table goes to planning without a ZSM decision. */
/** `version`: the case's version as loaded; the release is refused when the case changed since (CONFLICT). */
export function ReleaseToPlanningForm({ caseId, version }: { caseId: number; version: number }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const release = useOperationMutation('cases.releaseToPlanning');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = reason.trim().length < 3 ? t('case.releaseReasonRequired') : undefined;
    setError(missing);
    if (!missing) release.mutate({ caseId, reason, expectedVersion: version });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="release-title">
      <h2 id="release-title">{t('case.releaseTitle')}</h2>
      <p>{t('case.releaseText')}</p>
      <FieldShell label={t('case.releaseReason')} error={error}>
        {(a11y) => <textarea {...a11y} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FieldShell>
      <div className="actions">
        <ActionButton mutation={release} type="submit">
          {t('case.releaseSubmit')}
        </ActionButton>
      </div>
      {release.isError && <ErrorPanel error={release.error} />}
    </form>
  );
}
