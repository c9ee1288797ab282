import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROBLEM_SEVERITIES, type ProblemSeverity } from '../../../../shared/domain/problem-severity';
import { NOTIFICATION_ROLES, type AppNotification } from '../../../../shared/notifications/notification-schemas';
import { useOperationMutation, type OperationMutation } from '../../api/use-operation-mutation';
import { ActionButton, ActionReason } from '../ActionButton';
import { ErrorPanel } from '../ErrorPanel';
import { usePageTitle } from '../usePageTitle';
import { formatInstant } from '../../i18n/format';
import { useNotificationRoles } from './notification-roles';
import { useNotifications } from './use-notifications';

/** The severity as text (never colour alone), with the work queue's urgency colours. */
const SEVERITY_CLASS: Record<ProblemSeverity, string> = { critical: 'urgency-overdue', warning: 'urgency-soon', info: 'urgency-none' };

/** The notification centre: what needs doing for the chosen roles, per severity, each with its link and 'Afgehandeld'. */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const { roles, canChoose, setRoles } = useNotificationRoles();
  const query = useNotifications();
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const markDone = useOperationMutation('notifications.markDone', {
    onSuccess: (_done, input) => {
      // A detained suspect's limit: the mark holds for today only (server/services/notifications/derive-notifications.ts, DONE_FOR_THE_DAY_ONLY).
      setStatus(input.key.startsWith('detained_near_limit:') ? t('notifications.markedDoneForToday') : t('notifications.markedDone'));
      // The button pressed leaves the list with its notification: focus goes to what was done, not to the page's start.
      statusRef.current?.focus();
    },
  });
  const items = query.data?.items;
  const toggle = (role: (typeof NOTIFICATION_ROLES)[number], on: boolean) => setRoles(on ? [...roles, role] : roles.filter((r) => r !== role));

  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <p>{t('notifications.intro')}</p>
      {canChoose && (
        <fieldset>
          <legend>{t('notifications.rolesLegend')}</legend>
          <p className="field-hint">{t('notifications.rolesHint')}</p>
          {NOTIFICATION_ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input type="checkbox" checked={roles.includes(role)} onChange={(event) => toggle(role, event.target.checked)} />
              <span>{t(`notifications.role.${role}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <p role="status" data-testid="notification-status" tabIndex={-1} ref={statusRef}>
        {status}
      </p>
      {markDone.isError && <ErrorPanel error={markDone.error} />}
      <ActionReason mutation={markDone} id="notifications-done-unavailable" />
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <p role="status">{t('app.loading')}</p>}
      {items && roles.length === 0 && <p>{t('notifications.noRoles')}</p>}
      {items && roles.length > 0 && items.length === 0 && <p>{t('notifications.none')}</p>}
      {items &&
        PROBLEM_SEVERITIES.map((severity) => {
          const group = items.filter((n) => n.severity === severity);
          if (group.length === 0) return null;
          return (
            <section key={severity} aria-labelledby={`notifications-${severity}`} data-testid={`notifications-${severity}`}>
              <h2 id={`notifications-${severity}`}>{t(`notifications.severity.${severity}`, { count: group.length })}</h2>
              <ul className="notification-list">
                {group.map((n) => (
                  <NotificationItem
                    key={n.key}
                    notification={n}
                    pending={markDone.isPending && markDone.variables?.key === n.key}
                    mutation={markDone}
                    onDone={() => {
                      setStatus('');
                      markDone.mutate({ key: n.key });
                    }}
                  />
                ))}
              </ul>
            </section>
          );
        })}
    </>
  );
}

function NotificationItem({ notification: n, pending, mutation, onDone }: { notification: AppNotification; pending: boolean; mutation: OperationMutation<'notifications.markDone'>; onDone: () => void }) {
  const { t } = useTranslation();
  const titleId = `notification-${n.key.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <li className="notification-item" data-testid="notification">
      <h3 id={titleId}>
        <span className={`badge ${SEVERITY_CLASS[n.severity]}`}>{t(`notifications.severityBadge.${n.severity}`)}</span> {n.title}
      </h3>
      <p>{n.text}</p>
      <p className="field-hint">{t('notifications.dueSince', { moment: formatInstant(n.dueAt), roles: n.roles.map((r) => t(`notifications.role.${r}`)).join(', ') })}</p>
      <p className="notification-actions">
        <Link to={n.route} aria-describedby={titleId}>
          {n.linkLabel}
        </Link>
        <ActionButton mutation={mutation} reasonId="notifications-done-unavailable" onClick={onDone} aria-describedby={titleId}>
          {pending ? t('notifications.marking') : t('notifications.markDone')}
        </ActionButton>
      </p>
    </li>
  );
}
