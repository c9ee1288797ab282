import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/api/contract';
import { OTHER_ROUTES, ZSM_OUTCOMES, type OtherRoute, type ZsmOutcome } from '../../../../shared/domain/zsm-outcome';
import { useApi } from '../../api/api-context';
import { ErrorPanel } from '../../components/ErrorPanel';
import { FieldShell, SelectField, TextField } from '../../components/FormField';

/** What the OvJ decided at the ZSM table, with who and why; checked with the contract's own schema. */
export function ZsmDecisionForm({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState('');
  const [otherRoute, setOtherRoute] = useState('');
  const [prosecutorName, setProsecutorName] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (input: Parameters<typeof api.call<'zsm.decide'>>[1]) => api.call('zsm.decide', input),
    onSuccess: (detail) => {
      queryClient.setQueryData(['cases.get', caseId], detail);
      void queryClient.invalidateQueries({ queryKey: ['queue.list'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      caseId,
      outcome: outcome as ZsmOutcome,
      otherRoute: outcome === 'other_route' ? ((otherRoute || null) as OtherRoute | null) : null,
      prosecutorName,
      reason,
    };
    const parsed = contract['zsm.decide'].input.safeParse(input);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="zsm-title">
      <h2 id="zsm-title">{t('case.zsmTitle')}</h2>
      <div className="form-grid">
        <SelectField
          label={t('case.zsmOutcome')}
          value={outcome}
          onChange={setOutcome}
          placeholder={t('case.chooseOutcome')}
          options={ZSM_OUTCOMES.map((o) => ({ value: o, label: t(`zsmOutcome.${o}`) }))}
          error={errors['outcome']}
        />
        {outcome === 'other_route' && (
          <SelectField
            label={t('case.otherRoute')}
            value={otherRoute}
            onChange={setOtherRoute}
            placeholder={t('case.chooseRoute')}
            options={OTHER_ROUTES.map((r) => ({ value: r, label: t(`otherRoute.${r}`) }))}
            error={errors['otherRoute']}
          />
        )}
        <TextField label={t('case.zsmProsecutor')} value={prosecutorName} onChange={setProsecutorName} error={errors['prosecutorName']} />
      </div>
      <FieldShell label={t('case.zsmReason')} error={errors['reason']}>
        {(a11y) => <textarea {...a11y} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FieldShell>
      <div className="actions">
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t('case.zsmBusy') : t('case.zsmSubmit')}
        </button>
      </div>
      {mutation.isError && <ErrorPanel error={mutation.error} />}
    </form>
  );
}
