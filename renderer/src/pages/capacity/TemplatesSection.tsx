import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityOverview, CapacityTemplate } from '../../../../shared/capacity/capacity-schemas';
import { useOperationMutation } from '../../api/use-operation-mutation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { acceptanceText, validityText, weekdayList } from './capacity-format';
import { ActionButton, ActionReason } from '../../components/ActionButton';

/** Every room's session templates (inactive ones too), with edit and deactivate. */
export function TemplatesSection({ overview, onEdit, onNew }: { overview: CapacityOverview; onEdit: (template: CapacityTemplate) => void; onNew: () => void }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const deactivate = useOperationMutation('capacity.deactivateTemplate', {
    onSuccess: (template) => setDone(t('capacity.deactivated', { name: template.name })),
  });
  return (
    <section className="panel" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('capacity.templatesTitle')}</h2>
      <p className="muted">{t('capacity.templatesHint')}</p>
      {done && (
        <p role="status" className="success">
          {done}
        </p>
      )}
      {deactivate.isError && <ErrorPanel error={deactivate.error} />}
      <ActionReason mutation={deactivate} id="templates-deactivate-unavailable" />
      {overview.locations.flatMap((location) =>
        location.rooms.map((room) => {
          const templates = overview.templates.filter((tpl) => tpl.courtroomId === room.id);
          return (
            <div key={room.id} className="table-scroll">
              <table className="data-table">
                <caption>{t('capacity.templatesCaption', { room: room.name, location: location.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('capacity.colName')}</th>
                    <th scope="col">{t('capacity.colWeekdays')}</th>
                    <th scope="col">{t('capacity.colWhen')}</th>
                    <th scope="col">{t('capacity.colType')}</th>
                    <th scope="col">{t('capacity.colCapacity')}</th>
                    <th scope="col">{t('capacity.colModalities')}</th>
                    <th scope="col">{t('capacity.colOverbooking')}</th>
                    <th scope="col">{t('capacity.colValidity')}</th>
                    <th scope="col">{t('capacity.colStatus')}</th>
                    <th scope="col">{t('capacity.colActions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {templates.length === 0 && (
                    <tr>
                      <td colSpan={10}>{t('capacity.noTemplates')}</td>
                    </tr>
                  )}
                  {templates.map((tpl) => (
                    <tr key={tpl.id}>
                      <th scope="row">{tpl.name}</th>
                      <td>{weekdayList(t, tpl.weekdays)}</td>
                      <td>
                        {t(`daypart.${tpl.daypart}`)} {tpl.startTime}–{tpl.endTime}
                      </td>
                      <td>{t(`sessionType.${tpl.sessionType}`)}</td>
                      <td>{t('capacity.capacityText', { slots: tpl.capacitySlots, minutes: tpl.capacityMinutes })}</td>
                      <td>
                        {acceptanceText(t, tpl.acceptedModalities, tpl.acceptedFillerKinds)}
                        {tpl.acceptsMinors ? `; ${t('capacity.minorsToo')}` : ''}
                      </td>
                      <td>{tpl.overbookingSlots}</td>
                      <td>{validityText(t, tpl.validFrom, tpl.validUntil)}</td>
                      <td>{tpl.active ? t('capacity.active') : t('capacity.inactive')}</td>
                      <td>
                        <div className="actions">
                          <button type="button" className="secondary" aria-label={t('capacity.editTemplateLabel', { name: tpl.name })} onClick={() => onEdit(tpl)}>
                            {t('capacity.edit')}
                          </button>
                          {tpl.active && (
                            <ActionButton
                              mutation={deactivate}
                              reasonId="templates-deactivate-unavailable"
                              className="secondary"
                              aria-label={t('capacity.deactivateLabel', { name: tpl.name })}
                              onClick={() => deactivate.mutate({ templateId: tpl.id, reason: '', expectedVersion: tpl.version })}
                            >
                              {t('capacity.deactivate')}
                            </ActionButton>
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }),
      )}
      <div className="actions">
        <button type="button" onClick={onNew}>
          {t('capacity.newTemplate')}
        </button>
      </div>
    </section>
  );
}
