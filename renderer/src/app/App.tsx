import { useTranslation } from 'react-i18next';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import type { OperationName } from '../../../shared/api/contract';
import { mayCall } from '../../../shared/api/operation-roles';
import { useServerPerson } from '../api/server-session-context';
import { useOperationQuery } from '../api/use-operation-query';
import { ErrorPanel } from '../components/ErrorPanel';
import { CaseSearchBox } from '../components/search/CaseSearchBox';
import { PageBoundaryOutlet, PageErrorBoundary } from '../components/PageErrorBoundary';
import { NotificationBell } from '../components/notifications/NotificationBell';
import { SignedInPerson } from '../components/SignedInPerson';
import { ConflictsPage } from '../components/sync/ConflictsPage';
import { SyncStatusBar } from '../components/sync/SyncStatusBar';
import { useSyncState } from '../api/sync-status-context';
import { NotificationsPage } from '../components/notifications/NotificationsPage';
import { CapacityPage } from '../pages/capacity/CapacityPage';
import { CasePage } from '../pages/cases/CasePage';
import { ImportPage } from '../pages/cases/ImportPage';
import { ResponsesImportPage } from '../pages/cjib/ResponsesImportPage';
import { NewCasePage } from '../pages/cases/NewCasePage';
import { PlanningPage } from '../pages/planning/PlanningPage';
import { WhatIfPage } from '../pages/planning/WhatIfPage';
import { ProblemsPage } from '../pages/planning/ProblemsPage';
import { HandoffQueuePage } from '../pages/cjib/HandoffQueuePage';
import { TrafficTowerPage } from '../pages/planning/TrafficTowerPage';
import { RotaPage } from '../pages/people/RotaPage';
import { CalendarsPage } from '../pages/calendars/CalendarsPage';
import { ReservationsPage } from '../pages/reservations/ReservationsPage';
import { WorkQueuePage } from '../pages/queue/WorkQueuePage';
import { SessionsWeekPage } from '../pages/sessions/SessionsWeekPage';
import { CourtRollPage } from '../pages/sessions/CourtRollPage';
import { SessionRollPage } from '../pages/outcomes/SessionRollPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { DisclosuresPage } from '../pages/settings/DisclosuresPage';
import { WelcomePage } from '../pages/welcome/WelcomePage';
import { RegisterPage } from '../pages/review/RegisterPage';
import { ReviewPackPage } from '../pages/review/ReviewPackPage';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { MetricCasesPage } from '../pages/dashboard/MetricCasesPage';

/**
 * The main menu, each page with the operation it cannot work without: on the district server a page
 * whose operation none of the person's roles may call is left out of the menu (the server would refuse
 * it anyway: shared/api/operation-roles.ts). Standalone every role is held, so every page shows.
 */
const NAV_ITEMS = [
  { to: '/zittingen', label: 'sessions', reads: 'sessions.week' },
  { to: '/dashboard', label: 'dashboard', reads: 'metrics.dashboard' },
  { to: '/capaciteit', label: 'capacity', reads: 'capacity.overview' },
  { to: '/rooster', label: 'rota', reads: 'people.list' },
  { to: '/agendas', label: 'calendars', reads: 'calendars.subjects' },
  { to: '/instroom', label: 'intake', reads: 'queue.list' },
  { to: '/werkvoorraad', label: 'queue', reads: 'queue.list' },
  { to: '/planning', label: 'planning', reads: 'planner.run' },
  { to: '/wat-als', label: 'whatIf', reads: 'planner.whatIf' },
  { to: '/reserveringen', label: 'reservations', reads: 'reservations.list' },
  { to: '/verkeerstoren', label: 'tower', reads: 'planner.tower' },
  { to: '/zaken/nieuw', label: 'newCase', reads: 'cases.create' },
  { to: '/zaken/importeren', label: 'import', reads: 'cases.import' },
  { to: '/problemen', label: 'problems', reads: 'planner.problems' },
  { to: '/overdracht', label: 'handoff', reads: 'cjib.queue' },
  { to: '/overleg', label: 'review', reads: 'metrics.dashboard' },
  { to: '/instellingen', label: 'settings', reads: 'settings.get' },
] as const satisfies readonly { to: string; label: string; reads: OperationName }[];

export function App() {
  const { t } = useTranslation();
  const district = useOperationQuery('district.get', {});
  // On the district server only the roles that may read the problems ask for their count (no refused request every minute).
  const person = useServerPerson();
  const mayReadProblems = !person || mayCall(person.roles, 'planner.problems');
  const problems = useOperationQuery('planner.problems', {}, { enabled: !!district.data && mayReadProblems, refetchInterval: 60_000 });
  // A connected desktop (issue 14): the actions the server refused while offline; the menu item shows only then.
  const conflictCount = useSyncState().status?.conflicts.length ?? 0;

  return (
    <>
      <a
        href="#main"
        className="skip-link"
        onClick={(event) => {
          // Under hash routing '#main' would be read as a route: move focus without navigating.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <p className="app-title">{t('app.title')}</p>
        {district.data && <p className="district-name">{district.data.name}</p>}
        <SignedInPerson />
        <SyncStatusBar />
        {district.data && <CaseSearchBox />}
        {district.data && <NotificationBell />}
        {district.data && (
          <nav aria-label={t('app.mainNav')}>
            {NAV_ITEMS.filter((item) => !person || mayCall(person.roles, item.reads)).map((item) => (
              <NavLink key={item.to} to={item.to}>
                {item.to === '/problemen' ? t('nav.problems', { count: problems.data?.length ?? 0 }) : t(`nav.${item.label}`)}
              </NavLink>
            ))}
            {conflictCount > 0 && <NavLink to="/conflicten">{t('sync.conflicts.nav', { count: conflictCount })}</NavLink>}
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {district.isPending && <p role="status">{t('app.loading')}</p>}
        {district.isError && <ErrorPanel error={district.error} onRetry={() => void district.refetch()} />}
        {district.isSuccess &&
          (district.data === null ? (
            <PageErrorBoundary>
              <WelcomePage />
            </PageErrorBoundary>
          ) : (
            <Routes>
              {/* Every page has its own error boundary: a render fault never leaves a blank window. */}
              <Route element={<PageBoundaryOutlet />}>
                <Route path="/zittingen" element={<SessionsWeekPage />} />
                <Route path="/dashboard" element={<DashboardPage />} />
                <Route path="/dashboard/zaken" element={<MetricCasesPage />} />
                <Route path="/zittingen/:sessionId/uitspraken" element={<SessionRollPage />} />
                <Route path="/zittingen/:sessionId/rol" element={<CourtRollPage />} />
                <Route path="/capaciteit" element={<CapacityPage />} />
                <Route path="/rooster" element={<RotaPage />} />
                <Route path="/agendas" element={<CalendarsPage />} />
                <Route path="/instroom" element={<WorkQueuePage key="intake" stage="intake" />} />
                <Route path="/werkvoorraad" element={<WorkQueuePage key="planning" stage="planning" />} />
                <Route path="/planning" element={<PlanningPage />} />
                <Route path="/wat-als" element={<WhatIfPage />} />
                <Route path="/reserveringen" element={<ReservationsPage />} />
                <Route path="/verkeerstoren" element={<TrafficTowerPage />} />
                <Route path="/zaken/nieuw" element={<NewCasePage />} />
                <Route path="/zaken/importeren" element={<ImportPage />} />
                <Route path="/zaken/:id" element={<CasePage />} />
                <Route path="/overdracht/antwoorden" element={<ResponsesImportPage />} />
                <Route path="/problemen" element={<ProblemsPage />} />
                <Route path="/meldingen" element={<NotificationsPage />} />
                <Route path="/overdracht" element={<HandoffQueuePage />} />
                <Route path="/instellingen" element={<SettingsPage />} />
                <Route path="/instellingen/inzage-log" element={<DisclosuresPage />} />
                <Route path="/overleg" element={<RegisterPage />} />
                <Route path="/overleg/pakket" element={<ReviewPackPage />} />
                <Route path="/conflicten" element={<ConflictsPage />} />
              </Route>
              <Route path="*" element={<Navigate to="/zittingen" replace />} />
            </Routes>
          ))}
      </main>
    </>
  );
}
