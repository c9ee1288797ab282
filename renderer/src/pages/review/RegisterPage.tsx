import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { amsterdamDate } from '../../../../shared/calendar/amsterdam-time';
import { nextReviewPeriod, previousReviewPeriod, REVIEW_PERIOD_PATTERN, reviewPeriodLabel, reviewPeriodOf, reviewPeriodRange } from '../../../../shared/metrics/review-period';
import type { Agreement, WorkSignal } from '../../../../shared/review/register-schemas';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { SelectField } from '../../components/FormField';
import { usePageTitle } from '../../components/usePageTitle';
import { AgreementForm } from './AgreementForm';
import { MonitoringExportPanel } from './MonitoringExportPanel';
import { AgreementRegister, SignalRegister } from './RegisterTables';
import { SignalForm } from './SignalForm';

/** The last two years of periods and the next one, newest first. */
function periodChoices(today: string): string[] {
  const choices = [nextReviewPeriod(reviewPeriodOf(today))];
  for (let i = 0; i < 7; i += 1) choices.push(previousReviewPeriod(choices[choices.length - 1]!));
  return choices;
}

/** The review register: agreements of the four-monthly review and signals from the work floor. */
export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('review.title'));
  const [today] = useState(() => amsterdamDate(Date.now()));
  const [params, setParams] = useSearchParams();
  const asked = params.get('period') ?? '';
  const period = REVIEW_PERIOD_PATTERN.test(asked) ? asked : reviewPeriodOf(today);
  const [agreementForm, setAgreementForm] = useState<{ editing: Agreement | null } | null>(null);
  const [signalForm, setSignalForm] = useState<{ editing: WorkSignal | null } | null>(null);
  const agreements = useOperationQuery('review.agreements.list', { period });
  const signals = useOperationQuery('review.signals.list', { period });
  const range = reviewPeriodRange(period);
  const overdue = agreements.data?.agreements.filter((a) => a.overdue).length ?? 0;

  return (
    <section aria-labelledby="register-title">
      <h1 id="register-title">{t('review.title')}</h1>
      <div className="toolbar">
        <SelectField
          label={t('review.period')}
          value={period}
          placeholder={t('review.choosePeriod')}
          onChange={(value) => value && setParams({ period: value })}
          options={periodChoices(today).map((p) => ({ value: p, label: reviewPeriodLabel(p) }))}
        />
        <p>
          <Link to={`/overleg/pakket?period=${period}`}>{t('review.packLink', { period: reviewPeriodLabel(period) })}</Link>
        </p>
      </div>

      <section aria-labelledby="agreements-title">
        <h2 id="agreements-title">{t('review.agreements')}</h2>
        {overdue > 0 && (
          <p className="warning" role="status">
            {t('review.overdueCount', { count: overdue })}
          </p>
        )}
        {agreements.isPending && <p role="status">{t('review.loadingAgreements')}</p>}
        {agreements.isError && <ErrorPanel error={agreements.error} onRetry={() => void agreements.refetch()} />}
        {agreements.data && <AgreementRegister agreements={agreements.data.agreements} onEdit={(a) => setAgreementForm({ editing: a })} />}
        {agreementForm ? (
          <AgreementForm key={agreementForm.editing?.id ?? 'new'} period={period} editing={agreementForm.editing} onDone={() => setAgreementForm(null)} />
        ) : (
          <button type="button" onClick={() => setAgreementForm({ editing: null })}>
            {t('review.addAgreement')}
          </button>
        )}
      </section>

      <section aria-labelledby="signals-title">
        <h2 id="signals-title">{t('review.signals')}</h2>
        {signals.isPending && <p role="status">{t('review.loadingSignals')}</p>}
        {signals.isError && <ErrorPanel error={signals.error} onRetry={() => void signals.refetch()} />}
        {signals.data && <SignalRegister signals={signals.data.signals} onEdit={(s) => setSignalForm({ editing: s })} />}
        {signalForm ? (
          <SignalForm key={signalForm.editing?.id ?? 'new'} editing={signalForm.editing} today={today} onDone={() => setSignalForm(null)} />
        ) : (
          <button type="button" onClick={() => setSignalForm({ editing: null })}>
            {t('review.addSignal')}
          </button>
        )}
      </section>

      <MonitoringExportPanel from={range.from} to={range.to < today ? range.to : today} />
    </section>
  );
}
