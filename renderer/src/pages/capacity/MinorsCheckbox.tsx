import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Whether a session (or a pattern's sessions) also hears suspects who were minors at the offence (art. 77a Sr ff.). */
export function MinorsCheckbox({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hintId} />
      <label htmlFor={id}>{t('capacity.acceptsMinors')}</label>
      <p id={hintId} className="field-hint">
        {t('capacity.acceptsMinorsHint')}
      </p>
    </div>
  );
}
