import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/case-schemas';
import { PRECONDITION_LABELS, PRECONDITION_STATUS_LABELS, PRECONDITION_STATUSES, type PreconditionKind, type PreconditionStatus } from '../../../../shared/domain/precondition';
import { parseDutchDate } from '../../../../shared/intake/dutch-datetime';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell, SelectField, TextField } from '../../components/FormField';
import { ActionButton } from '../../components/ActionButton';

type Precondition = CaseDetail['preconditions'][number];

/** '2026-04-14' as the form shows it: '14-04-2026'. */
const toInput = (date: string | null) => (date ? date.split('-').reverse().join('-') : '');

/**
 * Adds a precondition (kind chosen from those the case does not have yet) or changes one (kind fixed):
 * its status, the date the party expects to deliver, and a note.
 */
export function PreconditionForm(props: {
  detail: CaseDetail;
  /** The precondition being changed; absent when adding. */
  editing?: Precondition | undefined;
  /** Kinds that can be added (the form's choice when adding). */
  available: readonly PreconditionKind[];
  /** A kind to start with (a suggestion the user picked). */
  initialKind?: PreconditionKind | undefined;
  onDone: () => void;
}) {
  const { detail, editing, available } = props;
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>(editing?.kind ?? props.initialKind ?? '');
  const [status, setStatus] = useState<PreconditionStatus>(editing?.status ?? 'pending');
  const [expectedOn, setExpectedOn] = useState(toInput(editing?.expectedOn ?? null));
  const [note, setNote] = useState(editing?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  // The form opens on a click elsewhere: move the focus to it, so keyboard and screen-reader users follow.
  useEffect(() => heading.current?.focus(), []);

  const save = useOperationMutation('cases.setPrecondition', { onSuccess: () => props.onDone() });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!kind) next['kind'] = t('precondition.kindRequired');
    const date = expectedOn.trim() ? parseDutchDate(expectedOn) : null;
    if (date && !date.ok) next['expectedOn'] = date.message;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    save.mutate({ caseId: detail.id, kind: kind as PreconditionKind, status, expectedOn: date?.ok ? date.value : null, note: note.trim() || null, expectedVersion: detail.version });
  };

  const title = editing ? t('precondition.editTitle', { label: PRECONDITION_LABELS[editing.kind] }) : t('precondition.addTitle');
  return (
    <form onSubmit={submit} noValidate aria-labelledby="precondition-form-title" className="subpanel">
      <h3 id="precondition-form-title" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <div className="form-grid">
        {!editing && (
          <SelectField
            label={t('precondition.kind')}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setErrors(({ kind: _fixed, ...rest }) => rest);
            }}
            placeholder={t('precondition.chooseKind')}
            options={available.map((k) => ({ value: k, label: PRECONDITION_LABELS[k] }))}
            error={errors['kind']}
          />
        )}
        <FieldShell label={t('precondition.status')}>
          {(a11y) => (
            <select {...a11y} value={status} onChange={(e) => setStatus(e.target.value as PreconditionStatus)}>
              {PRECONDITION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {PRECONDITION_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <TextField
          label={t('precondition.expectedOn')}
          hint={t('precondition.expectedOnHint')}
          value={expectedOn}
          onChange={(v) => {
            setExpectedOn(v);
            setErrors(({ expectedOn: _fixed, ...rest }) => rest);
          }}
          error={errors['expectedOn']}
        />
      </div>
      <FieldShell label={t('precondition.note')}>
        {(a11y) => <textarea {...a11y} rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />}
      </FieldShell>
      <div className="actions">
        <ActionButton mutation={save} type="submit">
          {save.isPending ? t('precondition.busy') : t('precondition.save')}
        </ActionButton>
        <button type="button" className="secondary" onClick={props.onDone}>
          {t('precondition.cancel')}
        </button>
      </div>
      {save.isError && <ErrorPanel error={save.error} />}
    </form>
  );
}
