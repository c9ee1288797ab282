import { useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FILLER_KINDS, MODALITIES } from '../../../../shared/domain/modality';
import { caseIntakeSchema, EVENT_FIELDS, type CaseIntakeInput } from '../../../../shared/intake/case-intake';
import { parseDutchDate, parseDutchDateTime } from '../../../../shared/intake/dutch-datetime';
import { ApiError } from '../../api/api-error';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { usePageTitle } from '../../components/usePageTitle';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SelectField, TextField } from '../../components/FormField';
import { checkFields } from '../../forms/validate-input';
import { checkCaseDates, suspectAge, type DateFacts } from '../../../../shared/intake/plausibility';
import { ActionButton } from '../../components/ActionButton';

const DATE_TIME_FIELDS = ['offenceAt', ...EVENT_FIELDS] as const;
type DateTimeField = (typeof DATE_TIME_FIELDS)[number];
type Draft = Record<
  'parketnummer' | 'fullName' | 'dateOfBirth' | 'summonsAddress' | 'lawyerName' | 'modality' | 'fillerKind' | 'policeUnit' | 'offenceSummary' | 'coDefendantGroup' | 'estimatedMinutes' | DateTimeField,
  string
>;

const EMPTY: Draft = {
  parketnummer: '', fullName: '', dateOfBirth: '', summonsAddress: '', lawyerName: '', modality: '', fillerKind: '', policeUnit: '',
  offenceSummary: '', offenceAt: '', arrestedAt: '', custodyOrderedAt: '', custodyExtendedAt: '', remandOrderedAt: '', summonsServedAt: '',
  coDefendantGroup: '', estimatedMinutes: '',
};

/** The label key of each field that is not a legal event (those are labelled `event.<field>`). */
const LABEL_KEYS: Partial<Record<keyof Draft, string>> = {
  parketnummer: 'caseForm.parketnummer', fullName: 'caseForm.fullName', dateOfBirth: 'caseForm.dateOfBirth', summonsAddress: 'caseForm.summonsAddress',
  lawyerName: 'caseForm.lawyerName', modality: 'caseForm.modality', fillerKind: 'caseForm.fillerKind', policeUnit: 'caseForm.policeUnit',
  offenceSummary: 'caseForm.offenceSummary', coDefendantGroup: 'caseForm.coDefendantGroup', estimatedMinutes: 'caseForm.estimatedMinutes',
};

/** Maps a schema path to the form field that shows its message. */
const fieldOf = (path: readonly PropertyKey[]) => String(path[0] === 'suspect' ? path[1] : path[0]);

/** Converts the Dutch notation in the draft and checks it with the one intake schema; messages per field. */
function toIntake(draft: Draft, consent: boolean, t: TFunction): { intake?: CaseIntakeInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const moment = (field: DateTimeField) => {
    if (!draft[field].trim()) return null;
    const parsed = parseDutchDateTime(draft[field], { dateOnlyAllowed: field === 'offenceAt' });
    if (!parsed.ok) errors[field] = parsed.message;
    return parsed.ok ? parsed.value : null;
  };
  const birth = draft.dateOfBirth.trim() ? parseDutchDate(draft.dateOfBirth) : null;
  if (birth && !birth.ok) errors['dateOfBirth'] = birth.message;
  const candidate = {
    parketnummer: draft.parketnummer,
    suspect: { fullName: draft.fullName, dateOfBirth: birth?.ok ? birth.value : '', summonsAddress: draft.summonsAddress || null, lawyerName: draft.lawyerName || null },
    modality: draft.modality || undefined,
    fillerKind: draft.fillerKind || null,
    policeUnit: draft.policeUnit,
    offenceSummary: draft.offenceSummary,
    ...Object.fromEntries(DATE_TIME_FIELDS.map((f) => [f, moment(f)])),
    shortTermConsent: consent,
    coDefendantGroup: draft.coDefendantGroup.trim() || null,
    // Not a whole number (e.g. '12,5' or 'half uur') becomes NaN or a fraction: the schema names the problem.
    estimatedMinutes: draft.estimatedMinutes.trim() ? Number(draft.estimatedMinutes.trim()) : null,
  };
  const labels = Object.fromEntries(Object.keys(EMPTY).map((field) => [field, t(LABEL_KEYS[field as keyof Draft] ?? `event.${field}`)]));
  const checked = checkFields(caseIntakeSchema, candidate, t, { labels, fieldOf });
  for (const [field, message] of Object.entries(checked.errors)) errors[field] ??= message;
  // Dates that cannot be true (future, decades ago, under twelve: art. 486 Sv); the service checks the same with its clock.
  const dates = { ...candidate, dateOfBirth: candidate.suspect.dateOfBirth || null } as DateFacts;
  for (const issue of checkCaseDates(dates, Date.now())) errors[fieldOf(issue.path.split('.'))] ??= issue.message;
  return Object.keys(errors).length ? { errors } : { intake: candidate as CaseIntakeInput, errors };
}

/** Live, as the dates are typed: a suspect of 12 to 17 at the offence falls under juvenile law (art. 77a Sr ff.). */
function MinorNotice({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  // 'Today' only matters without an offence or arrest date; the moment the form opened will do.
  const [now] = useState(() => Date.now());
  const birth = parseDutchDate(draft.dateOfBirth);
  if (!draft.dateOfBirth.trim() || !birth.ok) return null;
  const moment = (text: string, dateOnlyAllowed: boolean) => {
    const parsed = text.trim() ? parseDutchDateTime(text, { dateOnlyAllowed }) : null;
    return parsed?.ok ? parsed.value : null;
  };
  const age = suspectAge({ dateOfBirth: birth.value, offenceAt: moment(draft.offenceAt, true), arrestedAt: moment(draft.arrestedAt, false) }, now);
  if (!age?.minor) return null;
  return (
    <p role="status" data-testid="minor-notice">
      <span className="badge">{t('minor.badge')}</span> {t(`minor.intake_${age.basis}`, { years: age.years })}
    </p>
  );
}

export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useOperationMutation('cases.create', {
    onSuccess: ({ id }) => void navigate(`/zaken/${id}`),
    // A parketnummer that exists already is the parketnummer field's problem: say it there; a refused date at its field.
    onError: (error) => {
      if (error instanceof ApiError && error.body.code === 'CONFLICT') setErrors({ parketnummer: error.body.message });
      if (error instanceof ApiError && error.body.code === 'INVALID_INPUT' && error.body.details?.length) {
        setErrors(Object.fromEntries(error.body.details.map((d) => [fieldOf(d.path.split('.')), d.message])));
      }
    },
  });
  usePageTitle(t('caseForm.title'));
  useEffect(() => {
    document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  const set = (field: keyof Draft) => (value: string) => {
    // A filler kind only exists for a filler case: never keep a hidden value behind.
    setDraft((d) => ({ ...d, [field]: value, ...(field === 'modality' && value !== 'filler' ? { fillerKind: '' } : {}) }));
    // A corrected field loses its old message; the next submit checks everything again.
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };
  const text = (field: keyof Draft, label: string, hint?: string) => (
    <TextField label={label} value={draft[field]} onChange={set(field)} error={errors[field]} hint={hint} />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = toIntake(draft, consent, t);
    setErrors(result.errors);
    if (result.intake) mutation.mutate(result.intake);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-case-title">
      <h1 id="new-case-title">{t('caseForm.title')}</h1>
      <p>{t('caseForm.intro')}</p>
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="field-error">
          {t('caseForm.fixFields')}
        </p>
      )}
      <fieldset>
        <legend>{t('caseForm.caseLegend')}</legend>
        <div className="form-grid">
          {text('parketnummer', t('caseForm.parketnummer'), t('caseForm.parketnummerHint'))}
          <SelectField
            label={t('caseForm.modality')}
            value={draft.modality}
            onChange={set('modality')}
            placeholder={t('caseForm.chooseModality')}
            options={MODALITIES.map((m) => ({ value: m, label: t(`modality.${m}`) }))}
            error={errors['modality']}
          />
          {draft.modality === 'filler' && (
            <SelectField
              label={t('caseForm.fillerKind')}
              value={draft.fillerKind}
              onChange={set('fillerKind')}
              placeholder={t('caseForm.chooseFillerKind')}
              options={FILLER_KINDS.map((k) => ({ value: k, label: t(`fillerKind.${k}`) }))}
              error={errors['fillerKind']}
            />
          )}
          {text('policeUnit', t('caseForm.policeUnit'))}
          {text('offenceSummary', t('caseForm.offenceSummary'))}
          {text('offenceAt', t('event.offenceAt'))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('caseForm.suspectLegend')}</legend>
        <div className="form-grid">
          {text('fullName', t('caseForm.fullName'))}
          {text('dateOfBirth', t('caseForm.dateOfBirth'))}
          {text('summonsAddress', t('caseForm.summonsAddress'))}
          {text('lawyerName', t('caseForm.lawyerName'))}
        </div>
        <MinorNotice draft={draft} />
      </fieldset>
      <fieldset>
        <legend>{t('caseForm.eventsLegend')}</legend>
        <div className="form-grid">
          {EVENT_FIELDS.map((field) => (
            <TextField key={field} label={t(`event.${field}`)} value={draft[field]} onChange={set(field)} error={errors[field]} />
          ))}
        </div>
        <div className="checkbox">
          <input id="short-term-consent" type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
          <label htmlFor="short-term-consent">{t('caseForm.shortTermConsent')}</label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('caseForm.planningLegend')}</legend>
        <div className="form-grid">
          {text('coDefendantGroup', t('caseForm.coDefendantGroup'), t('caseForm.coDefendantGroupHint'))}
          <TextField
            label={t('caseForm.estimatedMinutes')}
            hint={t('caseForm.estimatedMinutesHint')}
            value={draft.estimatedMinutes}
            onChange={set('estimatedMinutes')}
            error={errors['estimatedMinutes']}
            inputMode="numeric"
          />
        </div>
      </fieldset>
      <div className="actions">
        <ActionButton mutation={mutation} type="submit">
          {mutation.isPending ? t('caseForm.busy') : t('caseForm.submit')}
        </ActionButton>
      </div>
      {mutation.isError && !errors['parketnummer'] && <ErrorPanel error={mutation.error} />}
    </form>
  );
}
