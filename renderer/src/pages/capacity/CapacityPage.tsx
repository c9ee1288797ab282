import { format } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityTemplate } from '../../../../shared/capacity/capacity-schemas';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { usePageTitle } from '../../components/usePageTitle';
import { ClosuresSection } from './ClosuresSection';
import { ExtraSessionForm } from './ExtraSessionForm';
import { GenerateSection } from './GenerateSection';
import { SessionsSection } from './SessionsSection';
import { TemplateForm } from './TemplateForm';
import { TemplatesSection } from './TemplatesSection';

/** The capacity model: templates per room, generation, closures and single-session exceptions. */
export function CapacityPage({ today = new Date() }: { today?: Date }) {
  const { t } = useTranslation();
  usePageTitle(t('capacity.title'));
  const todayText = format(today, 'yyyy-MM-dd');
  const [sessionsFrom, setSessionsFrom] = useState(todayText);
  const [editing, setEditing] = useState<CapacityTemplate | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const overview = useOperationQuery('capacity.overview', { sessionsFrom });

  return (
    <>
      <h1>{t('capacity.title')}</h1>
      <p>{t('capacity.intro')}</p>
      {overview.isPending && <p role="status">{t('app.loading')}</p>}
      {overview.isError && <ErrorPanel error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.data && (
        <>
          {saved && (
            <p role="status" className="success">
              {saved}
            </p>
          )}
          <TemplatesSection
            overview={overview.data}
            onEdit={(template) => {
              setSaved(null);
              setEditing(template);
            }}
            onNew={() => {
              setSaved(null);
              setEditing('new');
            }}
          />
          {editing && (
            <TemplateForm
              key={editing === 'new' ? 'new' : editing.id}
              template={editing === 'new' ? null : (overview.data.templates.find((tpl) => tpl.id === editing.id) ?? editing)}
              locations={overview.data.locations}
              today={todayText}
              onSaved={(template) => {
                setEditing(null);
                setSaved(t('capacity.saved', { name: template.name }));
              }}
              onClose={() => setEditing(null)}
            />
          )}
          <GenerateSection today={todayText} />
          <ClosuresSection overview={overview.data} today={todayText} />
          <SessionsSection overview={overview.data} sessionsFrom={sessionsFrom} onSessionsFrom={setSessionsFrom} />
          <ExtraSessionForm locations={overview.data.locations} today={todayText} />
        </>
      )}
    </>
  );
}
