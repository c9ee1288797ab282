import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OperationOutput } from '../../../../shared/api/contract';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell } from '../../components/FormField';
import { checkOperationInput } from '../../forms/validate-input';
import { formatDate, formatInstant } from '../../i18n/format';
import { ActionButton } from '../../components/ActionButton';

type Preview = OperationOutput<'retention.preview'>;

/** The term and whether the privacy officer confirmed it, with the legal sources next to it. */
function TermForm({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const [months, setMonths] = useState(String(preview.term.months));
  const [confirmed, setConfirmed] = useState(preview.term.confirmed);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useOperationMutation('retention.setTerm', { onSuccess: () => setReason('') });
  const labels = { months: t('retention.months'), confirmed: t('retention.confirmed'), reason: t('retention.termReason') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const draft = { months: months.trim() === '' ? Number.NaN : Number(months), confirmed, reason, expectedVersion: preview.version };
    const { input, errors: found } = checkOperationInput('retention.setTerm', draft, t, { labels });
    setErrors(found);
    if (input) save.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="retention-term-title">
      <h3 id="retention-term-title">{t('retention.termTitle')}</h3>
      <p data-testid="retention-term">
        {preview.term.confirmed ? t('retention.confirmedText', { months: preview.term.months }) : <strong>{t('retention.unconfirmed', { months: preview.term.months })}</strong>}
      </p>
      <h4>{t('retention.sources')}</h4>
      <p className="field-hint">{t('retention.sourcesText')}</p>
      <div className="form-grid">
        <FieldShell label={labels.months} hint={t('retention.monthsHint')} error={errors['months']}>
          {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={1} max={240} value={months} onChange={(e) => setMonths(e.target.value)} />}
        </FieldShell>
      </div>
      <label>
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {labels.confirmed}
      </label>
      <FieldShell label={labels.reason} error={errors['reason']}>
        {(a11y) => <textarea {...a11y} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FieldShell>
      <div className="actions">
        <ActionButton mutation={save} type="submit">
          {t('retention.saveTerm')}
        </ActionButton>
      </div>
      {save.isSuccess && (
        <p role="status" className="success">
          {t('retention.termSaved')}
        </p>
      )}
      {save.isError && <ErrorPanel error={save.error} fieldLabels={labels} />}
    </form>
  );
}

/**
 * Keeping personal data of finished cases no longer than the district's term (docs/retention.md):
 * the term with its sources, how many cases are past it, the list as a dry run, and 'Pseudonimiseren'
 * with a reason (one audit row per case).
 */
export function RetentionSection() {
  const { t } = useTranslation();
  const query = useOperationQuery('retention.preview', {});
  const [showList, setShowList] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const apply = useOperationMutation('retention.apply', {
    onSuccess: () => {
      setReason('');
      setShowList(false);
    },
  });
  const labels = { reason: t('retention.reason') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: found } = checkOperationInput('retention.apply', { reason }, t, { labels });
    setErrors(found);
    if (input) apply.mutate(input);
  };
  const preview = query.data;
  return (
    <section aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p>{t('retention.intro')}</p>
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      {preview && (
        <>
          <TermForm key={preview.version} preview={preview} />
          <p data-testid="retention-due">
            {preview.dueCount > 0
              ? t('retention.due', { count: preview.dueCount, months: preview.term.months, cutoff: formatDate(preview.cutoff) })
              : t('retention.noneDue', { months: preview.term.months, cutoff: formatDate(preview.cutoff) })}
            {preview.pseudonymisedCount > 0 && <> {t('retention.done', { count: preview.pseudonymisedCount })}</>}
            {preview.heldBackCount > 0 && <> {t('retention.heldBack', { count: preview.heldBackCount })}</>}
            {preview.disclosuresDueCount > 0 && <> {t('retention.disclosuresDue', { count: preview.disclosuresDueCount })}</>}
          </p>
          {preview.dueCount > 0 && (
            <div className="actions">
              <button type="button" aria-expanded={showList} aria-controls="retention-list" onClick={() => setShowList((s) => !s)}>
                {showList ? t('retention.hideList') : t('retention.showList')}
              </button>
            </div>
          )}
          {showList && preview.dueCount > 0 && (
            <div id="retention-list">
              <table className="data-table">
                <caption>{t('retention.listCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('retention.colCase')}</th>
                    <th scope="col">{t('retention.colStatus')}</th>
                    <th scope="col">{t('retention.colModality')}</th>
                    <th scope="col">{t('retention.colFinished')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.cases.map((c) => (
                    <tr key={c.caseId}>
                      <td>
                        <Link to={`/zaken/${c.caseId}`}>{c.parketnummer}</Link>
                      </td>
                      <td>{t(`caseStatus.${c.status}`)}</td>
                      <td>{t(`modality.${c.modality}`)}</td>
                      <td>{formatInstant(c.finishedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.cases.length < preview.dueCount && <p className="field-hint">{t('retention.listMore', { shown: preview.cases.length, count: preview.dueCount })}</p>}
            </div>
          )}
          {(preview.dueCount > 0 || preview.disclosuresDueCount > 0) && (
            <form onSubmit={submit} noValidate aria-label={t('retention.apply')}>
              <FieldShell label={labels.reason} error={errors['reason']}>
                {(a11y) => <textarea {...a11y} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
              </FieldShell>
              <div className="actions">
                <ActionButton mutation={apply} type="submit">
                  {apply.isPending ? t('retention.applying') : t('retention.apply')}
                </ActionButton>
              </div>
            </form>
          )}
          {apply.isSuccess && (
            <p role="status" className="success">
              {t('retention.applied', { count: apply.data.pseudonymised })}
              {apply.data.disclosuresRemoved > 0 && <> {t('retention.disclosuresRemoved', { count: apply.data.disclosuresRemoved })}</>}
            </p>
          )}
          {apply.isError && <ErrorPanel error={apply.error} fieldLabels={labels} />}
        </>
      )}
    </section>
  );
}
