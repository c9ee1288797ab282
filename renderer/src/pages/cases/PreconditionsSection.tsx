import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/api/case-schemas';
import { amsterdamDate } from '../../../../shared/calendar/amsterdam-time';
import { EVENTS_EDITABLE_STATUSES } from '../../../../shared/domain/case-lifecycle';
import { suggestedPreconditions } from '../../../../shared/domain/planning-readiness';
import { PRECONDITION_KINDS, PRECONDITION_LABELS, PRECONDITION_STATUS_LABELS, type PreconditionKind } from '../../../../shared/domain/precondition';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatDate, formatLongDay } from '../../i18n/format';
import { PreconditionForm } from './PreconditionForm';
import { describeReadinessGap } from '../../../../shared/domain/planning-readiness';
import { ActionButton, ActionReason } from '../../components/ActionButton';
import { useOperationAvailability } from '../../api/use-operation-availability';
import { unavailableProps } from '../../components/sync/UnavailableReason';

const PRECONDITIONS_UNAVAILABLE_ID = 'preconditions-unavailable';

type Mode = { kind: 'closed' } | { kind: 'add'; initial?: PreconditionKind | undefined } | { kind: 'edit'; precondition: PreconditionKind };

/**
 * 'Voorwaarden voor behandeling': whether the case is ready for planning and from when, what it waits
 * for, and its preconditions (dossier, advice reports, interpreter, ...) with their status and date.
 */
export function PreconditionsSection({ detail: c }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>({ kind: 'closed' });
  const editable = EVENTS_EDITABLE_STATUSES.includes(c.status);
  const remove = useOperationMutation('cases.removePrecondition');
  // Adding and changing open a form: not enabled for a person who may not save it (roles, or offline).
  const setting = useOperationAvailability('cases.setPrecondition');
  const opener = { disabled: !setting.allowed, ...unavailableProps(setting, PRECONDITIONS_UNAVAILABLE_ID) };
  const available = PRECONDITION_KINDS.filter((k) => !c.preconditions.some((p) => p.kind === k));
  const suggestions = suggestedPreconditions(c.modality, c.preconditions);
  const editing = mode.kind === 'edit' ? c.preconditions.find((p) => p.kind === mode.precondition) : undefined;
  // Read the clock once, when the section opens: rendering stays pure (react-hooks/purity).
  const [openedAt] = useState(Date.now);
  const readyLater = c.readyFrom !== null && Date.parse(c.readyFrom) > openedAt;

  return (
    <section className="panel" aria-labelledby="preconditions-title">
      <h2 id="preconditions-title">{t('precondition.title')}</h2>
      <h3>{t('case.readiness')}</h3>
      {c.readinessGaps.length > 0 ? (
        <>
          <p>{t('case.waitingFor')}</p>
          <ul data-testid="readiness-gaps">
            {c.readinessGaps.map((gap) => (
              <li key={gap}>{describeReadinessGap(gap)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p data-testid="readiness">{readyLater ? t('case.readyFrom', { day: formatLongDay(amsterdamDate(Date.parse(c.readyFrom!))) }) : t('case.readyForPlanning')}</p>
      )}
      <p className="muted">{t('precondition.intro')}</p>
      {editable && <ActionReason mutation={setting.allowed ? remove : { availability: setting }} id={PRECONDITIONS_UNAVAILABLE_ID} />}
      {c.preconditions.length === 0 ? (
        <p>{t('precondition.none')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('precondition.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('precondition.colKind')}</th>
              <th scope="col">{t('precondition.colStatus')}</th>
              <th scope="col">{t('precondition.colExpected')}</th>
              <th scope="col">{t('precondition.colNote')}</th>
              {editable && <th scope="col">{t('precondition.colActions')}</th>}
            </tr>
          </thead>
          <tbody>
            {c.preconditions.map((p) => {
              const label = PRECONDITION_LABELS[p.kind];
              return (
                <tr key={p.kind}>
                  <th scope="row">{label}</th>
                  <td>
                    {PRECONDITION_STATUS_LABELS[p.status]}
                    {p.status === 'met' && p.metOn ? ` (${t('precondition.metOn', { date: formatDate(p.metOn) })})` : ''}
                  </td>
                  <td>{p.expectedOn ? formatDate(p.expectedOn) : p.status === 'pending' ? t('precondition.noDate') : t('case.none')}</td>
                  <td>{p.note ?? ''}</td>
                  {editable && (
                    <td>
                      <button type="button" className="link-button" aria-label={t('precondition.editLabel', { label })} {...opener} onClick={() => setMode({ kind: 'edit', precondition: p.kind })}>
                        {t('precondition.edit')}
                      </button>
                      <ActionButton mutation={remove} reasonId={PRECONDITIONS_UNAVAILABLE_ID} className="link-button" aria-label={t('precondition.removeLabel', { label })} onClick={() => remove.mutate({ caseId: c.id, kind: p.kind, expectedVersion: c.version })}>
                        {t('precondition.remove')}
                      </ActionButton>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {remove.isError && <ErrorPanel error={remove.error} />}
      {editable && suggestions.length > 0 && (
        <p>
          {t('precondition.suggested', { modality: t(`modality.${c.modality}`) })}{' '}
          {suggestions.map((kind) => (
            <Fragment key={kind}>
              <button type="button" className="secondary" aria-label={t('precondition.suggestLabel', { label: PRECONDITION_LABELS[kind] })} {...opener} onClick={() => setMode({ kind: 'add', initial: kind })}>
                {PRECONDITION_LABELS[kind]}
              </button>{' '}
            </Fragment>
          ))}
        </p>
      )}
      {editable && mode.kind === 'closed' && (
        <div className="actions">
          {available.length > 0 ? (
            <button type="button" {...opener} onClick={() => setMode({ kind: 'add' })}>
              {t('precondition.addTitle')}
            </button>
          ) : (
            <p className="muted">{t('precondition.allAdded')}</p>
          )}
        </div>
      )}
      {editable && mode.kind === 'add' && (
        <PreconditionForm key={`add-${mode.initial ?? ''}`} detail={c} available={available} initialKind={mode.initial} onDone={() => setMode({ kind: 'closed' })} />
      )}
      {editable && editing && <PreconditionForm key={`edit-${editing.kind}`} detail={c} editing={editing} available={available} onDone={() => setMode({ kind: 'closed' })} />}
    </section>
  );
}
