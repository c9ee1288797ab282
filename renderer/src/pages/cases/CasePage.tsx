import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CaseDetail } from '../../../../shared/api/case-schemas';
import { EVENTS_EDITABLE_STATUSES } from '../../../../shared/domain/case-lifecycle';
import { useOperationQuery } from '../../api/use-operation-query';
import { ErrorPanel } from '../../components/ErrorPanel';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatInstant, formatLongDay, formatOffenceMoment } from '../../i18n/format';
import { CaseDetailsForm } from './CaseDetailsForm';
import { CaseEventsForm } from './CaseEventsForm';
import { CaseHistory } from './CaseHistory';
import { CaseTimeline } from './CaseTimeline';
import { DeadlinesTable } from './DeadlinesTable';
import { DecisionPanel } from './DecisionPanel';
import { PenaltyOrderForm } from './PenaltyOrderForm';
import { PlacementForm } from './PlacementForm';
import { PreconditionsSection } from './PreconditionsSection';
import { ReleaseToPlanningForm } from './ReleaseToPlanningForm';
import { ZsmDecisionForm } from './ZsmDecisionForm';

/** A finished case's details are not corrected any more (server/services/cases/update-case-details.ts). */
const DETAILS_CLOSED_STATUSES: readonly CaseDetail['status'][] = ['completed', 'withdrawn'];

export function CasePage() {
  const { t } = useTranslation();
  const id = Number(useParams()['id']);
  const query = useOperationQuery('cases.get', { id }, { enabled: Number.isInteger(id) && id > 0 });
  usePageTitle(query.data ? t('case.title', { parketnummer: query.data.parketnummer }) : t('app.loading'));
  if (query.isError) return <ErrorPanel error={query.error} />;
  if (!query.data) return <p role="status">{t('app.loading')}</p>;
  const c = query.data;
  return (
    <>
      <p>
        <Link to="/werkvoorraad">← {t('case.backToQueue')}</Link>
      </p>
      <h1>{t('case.title', { parketnummer: c.parketnummer })}</h1>
      <CaseFacts detail={c} />
      {!DETAILS_CLOSED_STATUSES.includes(c.status) && <CaseDetailsForm detail={c} />}
      <section className="panel" aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">{t('case.deadlines')}</h2>
        <p className="muted">{t('case.deadlinesIntro')}</p>
        <DeadlinesTable deadlines={c.deadlines} />
        {c.deadlines.warnings.length > 0 && (
          <>
            <h3>{t('case.warnings')}</h3>
            <ul className="warning-list">
              {c.deadlines.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <PreconditionsSection detail={c} />
      {c.hearings.length > 0 && (
        <section className="panel" aria-labelledby="hearings-title">
          <h2 id="hearings-title">{t('case.hearings')}</h2>
          <ul>
            {c.hearings.map((h) => (
              <li key={h.id} data-testid="hearing">
                {formatDate(h.date)} {h.startTime} · {t(`hearingStatus.${h.status}`)}
                {h.explanation ? ` · ${h.explanation}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(c.status === 'awaiting_planning' || c.status === 'planned') && c.modality !== 'zsm' && (
        <section className="panel">
          <PlacementForm detail={c} />
        </section>
      )}
      {(c.zsmDecisions.length > 0 || c.status === 'intake') && (
      <section className="panel">
        {c.zsmDecisions.length > 0 ? (
          <>
            <h2>{t('case.zsmTitle')}</h2>
            {c.zsmDecisions.map((d) => (
              <p key={d.id} data-testid="zsm-decision">
                {t('case.zsmDecided', {
                  outcome: t(`zsmOutcome.${d.outcome}`) + (d.otherRoute ? ` (${t(`otherRoute.${d.otherRoute}`)})` : ''),
                  prosecutor: d.prosecutorName,
                  moment: formatInstant(d.decidedAt),
                  reason: d.reason,
                })}
              </p>
            ))}
          </>
        ) : (
          <>
            <ZsmDecisionForm caseId={c.id} version={c.version} />
            {c.modality !== 'zsm' && <ReleaseToPlanningForm caseId={c.id} version={c.version} />}
          </>
        )}
      </section>
      )}
      <PenaltyOrderForm detail={c} />
      {EVENTS_EDITABLE_STATUSES.includes(c.status) && (
        <section className="panel">
          <CaseEventsForm detail={c} />
        </section>
      )}
      <DecisionPanel caseId={c.id} />
      <CaseTimeline caseId={c.id} />
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">{t('case.history')}</h2>
        <CaseHistory history={c.history} />
      </section>
    </>
  );
}

function CaseFacts({ detail: c }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const events = Object.entries(c.events).filter((entry): entry is [string, string] => entry[1] !== null);
  return (
    <section className="panel">
      <dl className="definition-list">
        <dt>{t('case.status')}</dt>
        <dd data-testid="case-status">{t(`caseStatus.${c.status}`)}</dd>
        <dt>{t('case.modality')}</dt>
        <dd data-testid="case-modality">
          {t(`modality.${c.modality}`)}
          {c.fillerKind ? ` (${t(`fillerKind.${c.fillerKind}`)})` : ''}
        </dd>
        <dt>{t('case.offence')}</dt>
        <dd>
          {c.offenceSummary}
          {c.offenceAt ? `, ${formatOffenceMoment(c.offenceAt)}` : ''}
        </dd>
        <dt>{t('case.policeUnit')}</dt>
        <dd>{c.policeUnit}</dd>
        <dt>{t('case.suspect')}</dt>
        <dd>
          {c.suspect.fullName}
          {/* Empty once the data was pseudonymised after the retention term (docs/retention.md). */}
          {c.suspect.dateOfBirth ? `, ${t('case.dateOfBirth').toLowerCase()} ${formatDate(c.suspect.dateOfBirth)}` : ''}
          {c.suspect.age?.minor && (
            <>
              {' '}
              <span className="badge" data-testid="case-minor">
                {t('minor.badge')}
              </span>{' '}
              {t(`minor.case_${c.suspect.age.basis}`, { years: c.suspect.age.years })}
            </>
          )}
        </dd>
        <dt>{t('case.summonsAddress')}</dt>
        <dd>{c.suspect.summonsAddress ?? t('case.none')}</dd>
        <dt>{t('case.lawyer')}</dt>
        <dd>{c.suspect.lawyerName ?? t('case.none')}</dd>
        {c.summonsServeBy !== null && (
          <>
            <dt>{t('case.summonsServeByLabel')}</dt>
            <dd data-testid="summons-serve-by">{t('case.summonsServeBy', { day: formatLongDay(c.summonsServeBy) })}</dd>
          </>
        )}
        {c.events.summonsServedAt === null && c.expectedSummonsServiceOn !== null && (
          <>
            <dt>{t('case.expectedSummonsService')}</dt>
            <dd>{formatDate(c.expectedSummonsServiceOn)}</dd>
          </>
        )}
        {c.estimatedMinutes !== null && (
          <>
            <dt>{t('case.estimatedMinutes')}</dt>
            <dd>{t('case.minutes', { count: c.estimatedMinutes })}</dd>
          </>
        )}
        {c.coDefendantGroup !== null && (
          <>
            <dt>{t('case.coDefendantGroup')}</dt>
            <dd>{c.coDefendantGroup}</dd>
            <dt>{t('case.coDefendants')}</dt>
            <dd>
              {c.coDefendants.length === 0 ? (
                t('case.noCoDefendants')
              ) : (
                <ul className="plain-list" data-testid="co-defendants">
                  {c.coDefendants.map((other) => (
                    <li key={other.id}>
                      <Link to={`/zaken/${other.id}`}>{other.parketnummer}</Link> · {other.suspectName} · {t(`caseStatus.${other.status}`)}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
        {events.map(([field, moment]) => (
          <div key={field} style={{ display: 'contents' }}>
            <dt>{t(`event.${field}`)}</dt>
            <dd>{formatInstant(moment)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
