import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OperationInput, OperationOutput } from '../../../../shared/api/contract';
import { describeRoles } from '../../../../shared/domain/roles';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { useOperationQuery } from '../../api/use-operation-query';
import { DateField } from '../../components/DateTimeInputs';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ExportButton } from '../../components/ExportButton';
import { FieldShell } from '../../components/FormField';
import { usePageTitle } from '../../components/usePageTitle';
import { checkOperationInput } from '../../forms/validate-input';
import { formatDate, formatInstant, formatNumber } from '../../i18n/format';
import { ActionButton } from '../../components/ActionButton';

type Listing = OperationOutput<'disclosures.list'>;
type Filters = Pick<OperationInput<'disclosures.list'>, 'parketnummer' | 'actor' | 'from' | 'to'>;

const PAGE_SIZE = 50;

/** The term of the log and whether the privacy officer confirmed it; changed with a reason (audited). */
function TermForm({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const [months, setMonths] = useState(String(listing.term.months));
  const [confirmed, setConfirmed] = useState(listing.term.confirmed);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useOperationMutation('disclosures.setTerm', { onSuccess: () => setReason('') });
  const labels = { months: t('disclosures.months'), confirmed: t('disclosures.confirmed'), reason: t('disclosures.termReason') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const draft = { months: months.trim() === '' ? Number.NaN : Number(months), confirmed, reason, expectedVersion: listing.version };
    const { input, errors: found } = checkOperationInput('disclosures.setTerm', draft, t, { labels });
    setErrors(found);
    if (input) save.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="disclosures-term-title">
      <h2 id="disclosures-term-title">{t('disclosures.termTitle')}</h2>
      <p data-testid="disclosures-term">
        {listing.term.confirmed
          ? t('disclosures.confirmedText', { months: listing.term.months })
          : <strong>{t('disclosures.unconfirmed', { months: listing.term.months })}</strong>}{' '}
        {t('disclosures.removal', { cutoff: formatDate(listing.cutoff) })}
      </p>
      <p className="field-hint">{t('disclosures.sourcesText')}</p>
      <div className="form-grid">
        <FieldShell label={labels.months} hint={t('disclosures.monthsHint')} error={errors['months']}>
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
          {t('disclosures.saveTerm')}
        </ActionButton>
      </div>
      {save.isSuccess && (
        <p role="status" className="success">
          {t('disclosures.termSaved')}
        </p>
      )}
      {save.isError && <ErrorPanel error={save.error} fieldLabels={labels} />}
    </form>
  );
}

/**
 * 'Inzage-log' (issue 13 item 5, docs/disclosures.md): who read which person's case, when, with which
 * roles and through which screen; filtered by parketnummer, user and period, in pages; for the
 * administrator. The log holds ids only: the page shows the parketnummer, never the person.
 */
export function DisclosuresPage() {
  const { t } = useTranslation();
  usePageTitle(t('disclosures.title'));
  const [draft, setDraft] = useState({ parketnummer: '', actor: '', from: '', to: '' });
  const [filters, setFilters] = useState<Filters>({});
  const [offset, setOffset] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const query = useOperationQuery('disclosures.list', { ...filters, offset, limit: PAGE_SIZE });
  const labels = { parketnummer: t('disclosures.parketnummer'), actor: t('disclosures.actor'), from: t('disclosures.from'), to: t('disclosures.to') };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next: Filters = {};
    if (draft.parketnummer.trim()) next.parketnummer = draft.parketnummer.trim();
    if (draft.actor.trim()) next.actor = draft.actor.trim();
    if (draft.from) next.from = draft.from;
    if (draft.to) next.to = draft.to;
    const { input, errors: found } = checkOperationInput('disclosures.list', { ...next, offset: 0, limit: PAGE_SIZE }, t, { labels });
    setErrors(found);
    if (!input) return;
    setFilters(next);
    setOffset(0);
  };
  const clear = () => {
    setDraft({ parketnummer: '', actor: '', from: '', to: '' });
    setErrors({});
    setFilters({});
    setOffset(0);
  };
  const data = query.data;

  return (
    <>
      <p>
        <Link to="/instellingen">{t('disclosures.back')}</Link>
      </p>
      <h1>{t('disclosures.title')}</h1>
      <p>{t('disclosures.intro')}</p>
      <form onSubmit={apply} noValidate aria-label={t('disclosures.filters')}>
        <div className="form-grid">
          <FieldShell label={labels.parketnummer} error={errors['parketnummer']}>
            {(a11y) => <input {...a11y} value={draft.parketnummer} onChange={(e) => setDraft({ ...draft, parketnummer: e.target.value })} />}
          </FieldShell>
          <FieldShell label={labels.actor} hint={t('disclosures.actorHint')} error={errors['actor']}>
            {(a11y) => <input {...a11y} value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} />}
          </FieldShell>
          <DateField label={labels.from} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} error={errors['from']} />
          <DateField label={labels.to} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} error={errors['to']} />
        </div>
        <div className="actions">
          <button type="submit">{t('disclosures.apply')}</button>
          <button type="button" onClick={clear}>
            {t('disclosures.clear')}
          </button>
        </div>
      </form>
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      {data && data.total === 0 && <p role="status">{t('disclosures.empty')}</p>}
      {data && data.total > 0 && (
        <>
          <ExportButton request={{ list: 'disclosures', filters }} />
          <table className="data-table">
            <caption>{t('disclosures.caption', { count: data.total, total: formatNumber(data.total), from: formatNumber(offset + 1), to: formatNumber(offset + data.rows.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('disclosures.colAt')}</th>
                <th scope="col">{t('disclosures.colActor')}</th>
                <th scope="col">{t('disclosures.colRoles')}</th>
                <th scope="col">{t('disclosures.colOperation')}</th>
                <th scope="col">{t('disclosures.colCase')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id}>
                  <td>{formatInstant(row.readAt)}</td>
                  <td>{row.actor}</td>
                  <td>{describeRoles(row.roles, 'en')}</td>
                  <td>{t(`disclosures.operation.${row.operation.replace('.', '_')}`, { defaultValue: row.operation })}</td>
                  {/* Text, not a link: opening the case is a read of its personal data of its own (and not the administrator's work). */}
                  <td>{row.parketnummer ?? t('disclosures.caseGone', { id: row.caseId })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            {offset > 0 && (
              <button type="button" onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                {t('disclosures.previous')}
              </button>
            )}
            {offset + PAGE_SIZE < data.total && (
              <button type="button" onClick={() => setOffset(offset + PAGE_SIZE)}>
                {t('disclosures.next')}
              </button>
            )}
          </div>
        </>
      )}
      {data && <TermForm key={data.version} listing={data} />}
    </>
  );
}
