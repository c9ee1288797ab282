import { addDays } from '../../../shared/calendar/local-date';
import { backlogBucket, disposalDate, pendingAge } from '../../../shared/metrics/caseload';
import type { Drill, DrillKind } from '../../../shared/metrics/drill';
import { byLocation, byPoliceUnit } from '../../../shared/metrics/fairness';
import { heldOnFirstDate, isFirstHearing, legalLimitMet, targetMet } from '../../../shared/metrics/hearing-metrics';
import type { ChainStep, HearingRow } from '../../../shared/metrics/metric-rows';
import { returnCodeOf } from '../../../shared/metrics/returns';
import { sessionCounts } from '../../../shared/metrics/session-fill';
import { pairDays } from '../../../shared/metrics/throughput';
import { dateOfInstant, monthOf, weekStartOf } from '../../../shared/metrics/time-buckets';
import type { AppDatabase } from '../../../db/open-database';
import type { MetricRowPart, MetricRows } from './dashboard-data';
import { fetchSlotHearings } from './metric-queries';

export interface DrillMember {
  caseId: number;
  dates: { label: string; value: string }[];
  detail: string | null;
}

const hearingMember = (h: HearingRow, extra: DrillMember['dates'] = []): DrillMember => ({
  caseId: h.caseId,
  dates: [{ label: 'Instroom', value: dateOfInstant(h.intakeAt) }, { label: 'Zitting', value: h.date }, ...extra],
  detail: h.status === 'adjourned' ? 'Aangehouden' : null,
});
const limitDates = (h: HearingRow) => (h.hearingBy ? [{ label: 'Uiterste zittingsdatum', value: dateOfInstant(h.hearingBy) }] : []);
const targetDates = (h: HearingRow) => (h.hearingTargetBy ? [{ label: 'Normdatum', value: dateOfInstant(h.hearingTargetBy) }] : []);

/** The rows a drill list selects from (drillMembers below reads only these): a list needs one kind of row, not the whole dashboard's. */
export function drillParts(kind: DrillKind): ReadonlySet<MetricRowPart> {
  switch (kind) {
    case 'intake':
    case 'intake-modality':
    case 'intake-unit':
    case 'intake-week':
      return new Set(['intake']);
    case 'slots-used':
    case 'slots-week':
      return new Set(['sessions']);
    case 'planned-week':
      return new Set(['forecastSessions']);
    case 'disposed':
      return new Set(['disposals']);
    case 'backlog':
    case 'pending':
      return new Set(['pending']);
    case 'returned':
    case 'returned-code':
      return new Set(['returns']);
    case 'throughput':
      return new Set(['steps']);
    case 'legal-met':
    case 'legal-missed':
    case 'target-met':
    case 'target-missed':
    case 'legal-month':
    case 'certainty-first':
    case 'certainty-changed':
    case 'adjourned':
    case 'fairness-unit':
    case 'fairness-location':
      return new Set(['hearings']);
  }
}

/** The cases behind one figure, selected from the same rows with the same rules the figure is computed with. */
export async function drillMembers(db: Pick<AppDatabase, '$client'>, drill: Drill, rows: MetricRows, from: string, to: string): Promise<DrillMember[]> {
  const v = drill.value ?? '';
  const intake = (test: (r: MetricRows['intake'][number]) => boolean) =>
    rows.intake
      .filter((r) => r.intakeDate >= from && r.intakeDate <= to && test(r))
      .map((r) => ({ caseId: r.caseId, dates: [{ label: 'Instroom', value: r.intakeDate }], detail: null }));
  const hearings = (test: (h: HearingRow) => boolean, dates: (h: HearingRow) => DrillMember['dates'] = () => []) =>
    rows.hearings.filter(test).map((h) => hearingMember(h, dates(h)));
  const slots = async (sessionTest: (s: MetricRows['sessions'][number]) => boolean, sessions = rows.sessions) => {
    const chosen = sessions.filter(sessionTest);
    const dateOf = new Map(chosen.map((s) => [s.sessionId, s.date]));
    return (await fetchSlotHearings(db, chosen.map((s) => s.sessionId))).map((h) => ({ caseId: h.caseId, dates: [{ label: 'Zitting', value: dateOf.get(h.sessionId)! }], detail: null }));
  };
  switch (drill.kind) {
    case 'intake':
      return intake(() => true);
    case 'intake-modality':
      return intake((r) => r.modality === v);
    case 'intake-unit':
      return intake((r) => r.policeUnit === v);
    case 'intake-week':
      return intake((r) => weekStartOf(r.intakeDate) === v);
    case 'slots-used':
      return slots((s) => sessionCounts(s, from, to, rows.asOf));
    case 'slots-week':
      return slots((s) => sessionCounts(s, from, to, rows.asOf) && weekStartOf(s.date) === v);
    case 'planned-week':
      return slots((s) => !s.cancelled && s.date >= v && s.date <= addDays(v, 6), rows.forecastSessions);
    case 'legal-met':
      return hearings((h) => legalLimitMet(h) === true, limitDates);
    case 'legal-missed':
      return hearings((h) => legalLimitMet(h) === false, limitDates);
    case 'target-met':
      return hearings((h) => targetMet(h) === true, targetDates);
    case 'target-missed':
      return hearings((h) => targetMet(h) === false, targetDates);
    case 'legal-month':
      return hearings((h) => legalLimitMet(h) !== null && monthOf(h.date) === v, limitDates);
    case 'certainty-first':
      return hearings((h) => heldOnFirstDate(h) === true);
    case 'certainty-changed':
      return hearings((h) => heldOnFirstDate(h) === false);
    case 'adjourned':
      return hearings((h) => h.status === 'adjourned');
    case 'fairness-unit':
      return hearings((h) => isFirstHearing(h) && byPoliceUnit(h).key === v, limitDates);
    case 'fairness-location':
      return hearings((h) => isFirstHearing(h) && byLocation(h).key === v, limitDates);
    case 'disposed':
      return rows.disposals
        .filter((d) => disposalDate(d) >= from && disposalDate(d) <= to)
        .map((d) => ({ caseId: d.caseId, dates: [{ label: 'Instroom', value: dateOfInstant(d.intakeAt) }, { label: 'Afgedaan', value: disposalDate(d) }], detail: d.kind === 'zsm' ? 'Afgedaan aan de ZSM-tafel' : 'Behandeld ter zitting' }));
    case 'backlog':
    case 'pending':
      return rows.pending
        .filter((r) => (drill.kind === 'pending' ? true : r.awaitsHearing && backlogBucket(pendingAge(r, rows.today)) === v))
        .map((r) => ({ caseId: r.caseId, dates: [{ label: 'Instroom', value: r.intakeDate }], detail: `${pendingAge(r, rows.today)} dagen in voorraad` }));
    case 'returned':
    case 'returned-code':
      return rows.returns
        .filter((r) => dateOfInstant(r.returnedAt) >= from && dateOfInstant(r.returnedAt) <= to && (drill.kind === 'returned' || returnCodeOf(r) === v))
        .map((r) => ({ caseId: r.caseId, dates: [{ label: 'Retour', value: dateOfInstant(r.returnedAt) }], detail: `Retourcode ${returnCodeOf(r)}` }));
    case 'throughput': {
      const [a, b] = v.split('-') as [ChainStep, ChainStep];
      return rows.steps.flatMap((row) => {
        const days = pairDays(row, { from: a, to: b }, from, to);
        if (days === null) return [];
        return [{ caseId: row.caseId, dates: [{ label: STEP_LABELS[a], value: dateOfInstant(row.steps[a]!) }, { label: STEP_LABELS[b], value: dateOfInstant(row.steps[b]!) }], detail: `${days} dagen` }];
      });
    }
  }
}

export const STEP_LABELS: Record<ChainStep, string> = {
  arrest: 'Aanhouding',
  zsm: 'ZSM-beslissing',
  hearing: 'Zitting',
  judgment: 'Uitspraak',
  handoff: 'Overdracht CJIB',
  acknowledged: 'Ontvangst CJIB',
  executed: 'Tenuitvoerlegging afgerond',
};
