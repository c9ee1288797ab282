import { useTranslation } from 'react-i18next';
import { SIGNAL_VALUES } from '../../../../shared/domain/outcome';
import type { Signals } from '../../../../shared/outcomes/outcome-record';
import { FieldShell } from '../../components/FormField';

const SIGNALS = ['fitForCommunityService', 'fitForDetention', 'paymentArrangement', 'problematicDebts'] as const;

/**
 * The four executability signals next to the sanction fields: yes / no / unknown as a person
 * recorded them (probation report, OvJ). Advisory only: nothing is computed from them.
 */
export function SignalFields({ signals, onChange }: { signals: Signals; onChange: (signals: Signals) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="signal-fields">
      <legend>{t('outcomes.signalsTitle')}</legend>
      <p className="field-hint">{t('outcomes.signalsIntro')}</p>
      {SIGNALS.map((key) => (
        <FieldShell key={key} label={t(`outcomes.signal.${key}`)} hint={t(`outcomes.signalHint.${key}`)}>
          {(a11y) => (
            <select {...a11y} value={signals[key]} onChange={(e) => onChange({ ...signals, [key]: e.target.value as Signals[typeof key] })}>
              {SIGNAL_VALUES.map((v) => (
                <option key={v} value={v}>
                  {t(`outcomes.signalValue.${v}`)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      ))}
      <FieldShell label={t('outcomes.signalsNote')}>
        {(a11y) => <input {...a11y} value={signals.note ?? ''} autoComplete="off" onChange={(e) => onChange({ ...signals, note: e.target.value || null })} />}
      </FieldShell>
    </fieldset>
  );
}
