import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CaseDetail } from '../../../../shared/api/case-schemas';
import { CASE_DETAIL_FIELDS, isCaseDetailField, type CaseDetailField } from '../../../../shared/intake/case-details';
import { parseDutchDate, parseDutchDateTime } from '../../../../shared/intake/dutch-datetime';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell } from '../../components/FormField';
import { rebaseDraft } from '../../components/rebase-draft';
import { checkOperationInput } from '../../forms/validate-input';
import { formatForInput } from '../../i18n/format';
import { ActionButton } from '../../components/ActionButton';

/** The search parameter that opens the form with one field focused: '#/zaken/12?veld=summonsAddress'. */
export const FIELD_PARAM = 'veld';

/** The case page with the details form open at `field` (from the hand-off queue, the decision panel). */
export const caseFieldPath = (caseId: number, field: CaseDetailField) => `/zaken/${caseId}?${FIELD_PARAM}=${field}`;

type Values = Record<CaseDetailField, string>;

/**
 * Corrects the case's and suspect's details after intake (name, date of birth, summons address,
 * lawyer, police unit, offence, offence moment), with a required reason that goes into the history.
 * Only what the user changed is sent; the back end applies the intake's checks.
 */
export function CaseDetailsForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const focusField = params.get(FIELD_PARAM);
  const [open, setOpen] = useState(focusField !== null);
  const [loaded, setLoaded] = useState(detail);
  const [values, setValues] = useState(valuesOf(detail));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const inputs = useRef<Partial<Record<CaseDetailField, HTMLInputElement | null>>>({});
  if (detail.version !== loaded.version) {
    // Reloaded (a conflict, our own save, another tab): keep what the user typed, take the rest fresh.
    setValues(rebaseDraft(values, valuesOf(loaded), valuesOf(detail)));
    setLoaded(detail);
  }
  const mutation = useOperationMutation('cases.updateDetails', {
    onSuccess: (updated) => {
      setValues(valuesOf(updated));
      setReason('');
      setSaved(true);
      setOpen(false);
    },
  });

  // Opened from a link naming a field: show the form (here, while rendering) and put the cursor in that field (after).
  const [linkedField, setLinkedField] = useState(focusField);
  if (focusField !== linkedField) {
    setLinkedField(focusField);
    if (focusField !== null) {
      setOpen(true);
      setSaved(false);
    }
  }
  useEffect(() => {
    if (focusField === null || !open || !isCaseDetailField(focusField)) return;
    const frame = requestAnimationFrame(() => {
      const input = inputs.current[focusField];
      input?.scrollIntoView({ block: 'center' });
      input?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusField, open]);

  const labels: Record<CaseDetailField, string> = {
    fullName: t('caseDetails.fullName'),
    dateOfBirth: t('caseDetails.dateOfBirth'),
    summonsAddress: t('caseDetails.summonsAddress'),
    lawyerName: t('caseDetails.lawyerName'),
    policeUnit: t('caseDetails.policeUnit'),
    offenceSummary: t('caseDetails.offenceSummary'),
    offenceAt: t('caseDetails.offenceAt'),
  };

  const close = () => {
    setOpen(false);
    setErrors({});
    if (focusField !== null) setParams({}, { replace: true });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const initial = valuesOf(loaded);
    const typing: Record<string, string> = {};
    const changes: Record<string, string | null> = {};
    for (const field of CASE_DETAIL_FIELDS) {
      const text = values[field].trim();
      if (text === initial[field].trim()) continue;
      if (field === 'dateOfBirth' || field === 'offenceAt') {
        if (text === '') {
          changes[field] = field === 'offenceAt' ? null : '';
          continue;
        }
        const parsed = field === 'dateOfBirth' ? parseDutchDate(text) : parseDutchDateTime(text);
        if (parsed.ok) changes[field] = parsed.value;
        else typing[field] = parsed.message;
      } else {
        changes[field] = text;
      }
    }
    if (Object.keys(changes).length === 0 && Object.keys(typing).length === 0) typing['form'] = t('caseDetails.nothingChanged');
    const { input, errors: found } = checkOperationInput('cases.updateDetails', { caseId: detail.id, changes, reason, expectedVersion: loaded.version }, t, {
      labels: { ...Object.fromEntries(CASE_DETAIL_FIELDS.map((f) => [`changes.${f}`, labels[f]])), reason: t('caseDetails.reason') },
    });
    const all = { ...Object.fromEntries(Object.entries(found).map(([k, v]) => [k.replace(/^changes\./, ''), v])), ...typing };
    setErrors(all);
    if (input && Object.keys(all).length === 0) mutation.mutate(input);
  };

  return (
    <section className="panel" aria-labelledby="details-title" id="gegevens" data-testid="case-details">
      <h2 id="details-title">{t('caseDetails.title')}</h2>
      {saved && (
        <p role="status" className="success">
          {t('caseDetails.saved')}
        </p>
      )}
      {!open ? (
        <button type="button" className="secondary" onClick={() => {
            setOpen(true);
            setSaved(false);
          }}>
          {t('caseDetails.open')}
        </button>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby="details-title">
          <p className="muted">{t('caseDetails.intro')}</p>
          <div className="form-grid">
            {CASE_DETAIL_FIELDS.map((field) => (
              <FieldShell key={field} label={labels[field]} error={errors[field]} hint={field === 'dateOfBirth' ? t('caseDetails.dateHint') : field === 'offenceAt' ? t('caseDetails.dateTimeHint') : undefined}>
                {(a11y) => (
                  <input
                    {...a11y}
                    ref={(element) => {
                      inputs.current[field] = element;
                    }}
                    name={field}
                    value={values[field]}
                    autoComplete="off"
                    onChange={(e) => {
                      const text = e.target.value;
                      setValues((all) => ({ ...all, [field]: text }));
                      setErrors(({ [field]: _fixed, form: _form, ...rest }) => rest);
                    }}
                  />
                )}
              </FieldShell>
            ))}
          </div>
          <FieldShell label={t('caseDetails.reason')} error={errors['reason']}>
            {(a11y) => <textarea {...a11y} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </FieldShell>
          {errors['form'] && (
            <p role="alert" className="field-error">
              {errors['form']}
            </p>
          )}
          <div className="actions">
            <ActionButton mutation={mutation} type="submit">
              {mutation.isPending ? t('caseDetails.busy') : t('caseDetails.submit')}
            </ActionButton>
            <button type="button" className="secondary" onClick={close}>
              {t('caseDetails.cancel')}
            </button>
          </div>
          {mutation.isError && <ErrorPanel error={mutation.error} />}
        </form>
      )}
    </section>
  );
}

/** The details in the notation the form shows ('' = none). */
function valuesOf(detail: CaseDetail): Values {
  const [year, month, day] = detail.suspect.dateOfBirth.split('-');
  return {
    fullName: detail.suspect.fullName,
    dateOfBirth: year && month && day ? `${day}-${month}-${year}` : detail.suspect.dateOfBirth,
    summonsAddress: detail.suspect.summonsAddress ?? '',
    lawyerName: detail.suspect.lawyerName ?? '',
    policeUnit: detail.policeUnit,
    offenceSummary: detail.offenceSummary,
    offenceAt: detail.offenceAt ? formatForInput(detail.offenceAt) : '',
  };
}
