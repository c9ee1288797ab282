import { useTranslation } from 'react-i18next';
import { SANCTION_KINDS } from '../../../../shared/domain/outcome';
import { FieldShell, SelectField, TextField } from '../../components/FormField';
import { changeDraft, newSanctionDraft, suggestionFor, type SanctionDraft } from './sanction-draft';

/**
 * The sanctions of one decision as rows: kind, then only the fields that kind needs. The substitute
 * detention is prefilled with the statutory suggestion and stays editable: the judge decides.
 */
export function SanctionRows({
  drafts,
  onChange,
  errors,
  legend,
}: {
  drafts: SanctionDraft[];
  onChange: (drafts: SanctionDraft[]) => void;
  errors: Record<string, string>;
  legend: string;
}) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<SanctionDraft>) => onChange(drafts.map((d, i) => (i === index ? changeDraft(d, change) : d)));
  return (
    <fieldset className="sanction-rows">
      <legend>{legend}</legend>
      {errors['sanctions'] && <p className="field-error">{errors['sanctions']}</p>}
      {drafts.map((d, index) => {
        const err = (field: string) => errors[`sanctions.${index}.${field}`];
        const suggestion = suggestionFor(d);
        const conditionalKind = d.kind === 'fine' || d.kind === 'community_service' || d.kind === 'custodial';
        return (
          <div key={d.key} className="sanction-row" role="group" aria-label={t('outcomes.sanctionNumber', { number: index + 1 })}>
            <SelectField
              label={t('outcomes.sanctionKind')}
              value={d.kind}
              onChange={(kind) => update(index, { kind: kind as SanctionDraft['kind'] })}
              placeholder={t('outcomes.chooseKind')}
              options={SANCTION_KINDS.map((kind) => ({ value: kind, label: t(`sanctionKind.${kind}`) }))}
              error={err('kind')}
            />
            {(d.kind === 'fine' || d.kind === 'compensation_order') && (
              <TextField label={t('outcomes.amount')} value={d.amount} onChange={(amount) => update(index, { amount })} error={err('amountCents')} inputMode="text" />
            )}
            {d.kind === 'community_service' && <TextField label={t('outcomes.hours')} value={d.hours} onChange={(hours) => update(index, { hours })} error={err('hours')} inputMode="numeric" />}
            {d.kind === 'custodial' && <TextField label={t('outcomes.days')} value={d.days} onChange={(days) => update(index, { days })} error={err('days')} inputMode="numeric" />}
            {(d.kind === 'fine' || d.kind === 'community_service' || d.kind === 'compensation_order') && (
              <TextField
                label={t('outcomes.substituteDetention')}
                value={d.substituteDetentionDays}
                onChange={(value) => update(index, { substituteDetentionDays: value, substituteEdited: true })}
                error={err('substituteDetentionDays')}
                hint={suggestion === null ? undefined : t('outcomes.substituteSuggestion', { count: suggestion })}
                inputMode="numeric"
              />
            )}
            {conditionalKind && (
              <div className="field field-checkbox">
                <label>
                  <input type="checkbox" checked={d.conditional} onChange={(e) => update(index, { conditional: e.target.checked })} /> {t('outcomes.conditional')}
                </label>
                {err('conditional') && <p className="field-error">{err('conditional')}</p>}
              </div>
            )}
            {conditionalKind && d.conditional && (
              <TextField label={t('outcomes.probationMonths')} value={d.probationMonths} onChange={(probationMonths) => update(index, { probationMonths })} error={err('probationMonths')} inputMode="numeric" />
            )}
            {(d.kind === 'compensation_order' || d.kind === 'other_measure') && (
              <FieldShell label={d.kind === 'compensation_order' ? t('outcomes.victimReference') : t('outcomes.description')} error={err('description')}>
                {(a11y) => <input {...a11y} value={d.description} autoComplete="off" onChange={(e) => update(index, { description: e.target.value })} />}
              </FieldShell>
            )}
            <button type="button" onClick={() => onChange(drafts.filter((_, i) => i !== index))}>
              {t('outcomes.removeSanction', { number: index + 1 })}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...drafts, newSanctionDraft()])}>
        {t('outcomes.addSanction')}
      </button>
    </fieldset>
  );
}
