import type { OperationOutput } from '../../../shared/api/contract';
import type { WorkQueueRow } from '../../../shared/api/case-schemas';
import { describeReadinessGap } from '../../../shared/domain/planning-readiness';
import { compareSeverity } from '../../../shared/domain/problem-severity';
import type { HandoffQueueItem } from '../../../shared/cjib/handoff-schemas';
import type { CourtRoll } from '../../../shared/sessions/court-roll-schemas';
import type { MetricCases } from '../../../shared/metrics/dashboard-schemas';
import type { DisclosureRow } from '../../../shared/disclosures/disclosure-schemas';
import { describeRoles } from '../../../shared/domain/roles';
// The lists' own Dutch headers and value names: the renderer's one catalog, so a header in the export
// is the header on the screen (the catalog is plain data; nothing of the renderer's code comes along).
import nl from '../../../shared/i18n/nl.json';
import type { TableColumn, TableInput, TableRow } from './write-table';

/*
 * Each list as a table for write-table.ts: the columns the list's page shows, split into typed cells
 * (a date in its own date column, a count as a number), Dutch headers from the catalog, rows in the
 * page's order.
 */

const col = (key: string, header: string, type: TableColumn['type'] = 'text'): TableColumn => ({ key, header, type });

const modalityLabel = (m: string) => (nl.modality as Record<string, string>)[m] ?? m;
const sessionTypeLabel = (s: string) => (nl.sessionType as Record<string, string>)[s] ?? s;

// ---- work queue and intake (queue.list) ----

const QUEUE_COLUMNS: TableColumn[] = [
  col('parketnummer', nl.queue.colCase),
  col('offence', 'Feit'),
  col('suspect', nl.queue.colSuspect),
  col('modality', nl.queue.colModality),
  col('policeUnit', nl.queue.colUnit),
  col('limit', nl.queue.colLimit, 'datetime'),
  col('limitKind', 'Soort termijn'),
  col('urgency', nl.queue.colCountdown),
  col('workingDaysLeft', 'Werkdagen resterend', 'number'),
  col('hoursLeft', 'Uren resterend', 'number'),
  col('readiness', nl.queue.colReadiness),
  col('readyFrom', 'Klaar vanaf', 'datetime'),
  col('group', 'Zaaksgroep'),
];

function queueRow(row: WorkQueueRow): TableRow {
  return {
    parketnummer: row.parketnummer,
    offence: row.offenceSummary,
    suspect: row.suspectName,
    modality: modalityLabel(row.modality),
    policeUnit: row.policeUnit,
    limit: row.nextLimit,
    limitKind: row.nextLimit ? nl.queue.limitKind[row.nextLimitKind] : nl.queue.noLimit,
    urgency: nl.urgency[row.urgency],
    workingDaysLeft: row.workingDaysLeft,
    hoursLeft: row.hoursLeft,
    readiness: row.readinessGaps.length > 0 ? row.readinessGaps.map((gap) => describeReadinessGap(gap)).join('; ') : nl.queue.readyText,
    readyFrom: row.readyFrom,
    group: row.coDefendantGroup,
  };
}

export function queueTable(rows: readonly WorkQueueRow[], stage: 'intake' | 'planning'): TableInput {
  return { sheetName: stage === 'intake' ? 'Instroom' : 'Werkvoorraad', columns: QUEUE_COLUMNS, rows: rows.map(queueRow) };
}

// ---- the cases behind a dashboard figure (metrics.cases) ----

export function metricCasesTable(rows: MetricCases['rows']): TableInput {
  // The dates that matter differ per figure ('Zitting', 'Uiterste zittingsdatum', ...): one date column per label.
  const labels = [...new Set(rows.flatMap((r) => r.dates.map((d) => d.label)))];
  const columns: TableColumn[] = [
    col('parketnummer', nl.dashboard.cases.parketnummer),
    col('modality', nl.dashboard.modality),
    col('policeUnit', nl.dashboard.policeUnit),
    ...labels.map((label, i) => col(`date${i}`, label, 'date')),
    col('detail', nl.dashboard.cases.detail),
  ];
  return {
    sheetName: 'Zaken achter het cijfer',
    columns,
    rows: rows.map((r) => {
      const row: Record<string, string | null> = { parketnummer: r.parketnummer, modality: modalityLabel(r.modality), policeUnit: r.policeUnit, detail: r.detail };
      labels.forEach((label, i) => (row[`date${i}`] = r.dates.find((d) => d.label === label)?.value ?? null));
      return row;
    }),
  };
}

// ---- reservations (reservations.list): one row per reservation, sessions without one get a row too ----

const RESERVATION_COLUMNS: TableColumn[] = [
  col('date', 'Datum zitting', 'date'),
  col('startTime', 'Aanvang'),
  col('location', 'Locatie'),
  col('room', 'Zaal'),
  col('sessionType', 'Zittingstype'),
  col('capacity', nl.reservations.colCapacity, 'number'),
  col('booked', nl.reservations.colBooked, 'number'),
  col('reserved', 'Gereserveerd', 'number'),
  col('filled', 'Gevuld', 'number'),
  col('unfilled', 'Niet gevuld', 'number'),
  col('free', nl.reservations.colFree, 'number'),
  col('releaseDueOn', 'Vrijgave op', 'date'),
  col('modality', 'Reservering: modaliteit'),
  col('slots', 'Reservering: plaatsen', 'number'),
  col('resFilled', 'Reservering: gevuld', 'number'),
  col('resUnfilled', 'Reservering: niet gevuld', 'number'),
  col('status', 'Reservering: status'),
  col('reservedBy', 'Gereserveerd door'),
  col('reservedAt', 'Gereserveerd op', 'datetime'),
  col('releasedBy', 'Vrijgegeven door'),
  col('releasedAt', 'Vrijgegeven op', 'datetime'),
  col('releasedSlots', 'Plaatsen terug naar de rechtbank', 'number'),
  col('note', 'Toelichting'),
  col('fillingCases', 'Gevuld door (parketnummers)'),
];

export function reservationsTable(overview: OperationOutput<'reservations.list'>): TableInput {
  const rows: TableRow[] = [];
  for (const s of overview.sessions) {
    const session = {
      date: s.date,
      startTime: s.startTime,
      location: s.location,
      room: s.room,
      sessionType: sessionTypeLabel(s.sessionType),
      capacity: s.capacity,
      booked: s.booked,
      reserved: s.reserved,
      filled: s.filled,
      unfilled: s.unfilled,
      free: s.free,
      releaseDueOn: s.releaseDueOn,
    };
    if (s.reservations.length === 0) rows.push(session);
    for (const r of s.reservations) {
      rows.push({
        ...session,
        modality: modalityLabel(r.modality),
        slots: r.slots,
        resFilled: r.filled,
        resUnfilled: r.unfilled,
        status: r.status === 'open' ? 'open' : r.releaseKind === 'auto' ? 'automatisch vrijgegeven' : 'vrijgegeven',
        reservedBy: r.reservedBy,
        reservedAt: r.reservedAt,
        releasedBy: r.releasedBy,
        releasedAt: r.releasedAt,
        releasedSlots: r.releasedSlots,
        note: r.note,
        fillingCases: r.fillingCases.map((c) => c.parketnummer).join(', '),
      });
    }
  }
  return { sheetName: 'Reserveringen', columns: RESERVATION_COLUMNS, rows };
}

// ---- the hand-off queue to CJIB (cjib.queue), in the page's group order ----

const HANDOFF_GROUP_ORDER = ['ready', 'blocked', 'waiting', 'returned', 'sent'] as const;

const HANDOFF_COLUMNS: TableColumn[] = [
  col('group', 'Groep'),
  col('parketnummer', nl.handoff.colCase),
  col('suspect', nl.handoff.colSuspect),
  col('decision', nl.handoff.colDecision),
  col('decidedAt', 'Beslist op', 'datetime'),
  col('decidedBy', 'Beslist door'),
  col('enforceability', nl.handoff.colEnforceability),
  col('judgmentSignedAt', 'Getekend vonnis naar OM op', 'datetime'),
  col('judgmentToOmDue', 'Getekend vonnis naar OM uiterlijk', 'datetime'),
  col('toCjibDue', 'Naar CJIB uiterlijk', 'datetime'),
  col('overdue', nl.handoff.overdue, 'boolean'),
  col('problems', nl.handoff.colProblems),
  col('sentAt', nl.handoff.colSent, 'datetime'),
  col('attempt', 'Poging', 'number'),
  col('batch', nl.handoff.colBatch),
  col('returnReason', nl.handoff.colReason),
  col('returnCount', nl.handoff.colLoops, 'number'),
];

function handoffRow(item: HandoffQueueItem): TableRow {
  const toOm = item.judgmentToOm?.countdown ?? null;
  return {
    group: nl.handoff.group[item.group],
    parketnummer: item.parketnummer,
    suspect: item.suspectName,
    decision: nl.handoff.kind[item.decisionKind],
    decidedAt: item.decidedAt,
    decidedBy: item.decidedBy,
    enforceability: item.enforceability,
    judgmentSignedAt: item.judgmentToOm?.signedAt ?? null,
    judgmentToOmDue: toOm?.dueAt ?? null,
    toCjibDue: item.toCjib?.dueAt ?? null,
    overdue: Boolean(toOm?.overdue || item.toCjib?.overdue),
    problems: item.problems.length === 0 ? nl.handoff.complete : item.problems.map((p) => p.message).join('; '),
    sentAt: item.sentAt,
    attempt: item.attempt,
    batch: item.lastBatchUid,
    returnReason: item.returnLabel,
    returnCount: item.returnCount,
  };
}

export function handoffTable(queue: OperationOutput<'cjib.queue'>): TableInput {
  const items = HANDOFF_GROUP_ORDER.flatMap((group) => queue.items.filter((i) => i.group === group));
  return { sheetName: 'Overdracht CJIB', columns: HANDOFF_COLUMNS, rows: items.map(handoffRow) };
}

// ---- problems in the planning (planner.problems), ordered as the page orders them ----

const PROBLEM_COLUMNS: TableColumn[] = [
  col('severity', nl.problems.colSeverity),
  col('date', nl.problems.colDate, 'date'),
  col('kind', nl.problems.colKind),
  col('subject', nl.problems.colSubject),
];

export function problemsTable(problems: OperationOutput<'planner.problems'>): TableInput {
  const sorted = [...problems].sort((a, b) => compareSeverity(a.severity, b.severity) || a.date.localeCompare(b.date));
  return {
    sheetName: 'Problemen',
    columns: PROBLEM_COLUMNS,
    rows: sorted.map((p) => ({
      severity: nl.problems.severity[p.severity],
      date: p.date,
      kind: (nl.problems.kind as Record<string, string>)[p.kind] ?? p.kind,
      subject: p.subject,
    })),
  };
}

// ---- the court roll of one session (sessions.courtRoll): the session's header repeated on each row ----

const roll = nl.courtRoll;
const COURT_ROLL_COLUMNS: TableColumn[] = [
  col('order', 'Volgorde', 'number'),
  col('date', 'Datum zitting', 'date'),
  col('time', roll.columns.time),
  col('parketnummer', roll.columns.parketnummer),
  col('suspect', roll.columns.suspect),
  col('offence', roll.columns.offence),
  col('modality', 'Modaliteit'),
  col('lawyer', roll.columns.lawyer),
  col('interpreterNeeded', `${roll.columns.interpreter} nodig`, 'boolean'),
  col('interpreterArranged', `${roll.columns.interpreter} geregeld`, 'boolean'),
  col('interpreterNote', `${roll.columns.interpreter} (taal of toelichting)`),
  col('detained', roll.columns.detained, 'boolean'),
  col('hardLimit', roll.columns.limit, 'datetime'),
  col('location', roll.place),
  col('room', 'Zaal'),
  col('sessionType', roll.type),
  col('judge', roll.judge),
  col('prosecutor', roll.prosecutor),
];

export function courtRollTable(roll: CourtRoll): TableInput {
  const s = roll.session;
  return {
    sheetName: 'Zittingsrol',
    columns: COURT_ROLL_COLUMNS,
    rows: roll.rows.map((r) => ({
      order: r.order,
      date: s.date,
      time: r.time,
      parketnummer: r.parketnummer,
      suspect: r.suspectName,
      offence: r.offence,
      modality: modalityLabel(r.modality),
      lawyer: r.lawyerName,
      interpreterNeeded: r.interpreterNeeded,
      interpreterArranged: r.interpreterNeeded ? r.interpreterArranged : null,
      interpreterNote: r.interpreterNote,
      detained: r.detained,
      hardLimit: r.hardLimit,
      location: `${s.locationName}, ${s.city}`,
      room: s.courtroomName,
      sessionType: sessionTypeLabel(s.sessionType),
      judge: s.judgeName,
      prosecutor: s.prosecutorName,
    })),
  };
}

// ---- the log of reads of personal data (disclosures.list) ----

const disclosures = nl.disclosures;
const DISCLOSURE_COLUMNS: TableColumn[] = [
  col('readAt', disclosures.colAt, 'datetime'),
  col('actor', disclosures.colActor),
  col('roles', disclosures.colRoles),
  col('operation', disclosures.colOperation),
  col('parketnummer', disclosures.colCase),
];

export function disclosuresTable(rows: readonly DisclosureRow[]): TableInput {
  const operationLabel = (operation: string) => (disclosures.operation as Record<string, string>)[operation.replace('.', '_')] ?? operation;
  return {
    sheetName: 'Inzage-log',
    columns: DISCLOSURE_COLUMNS,
    rows: rows.map((r) => ({
      readAt: r.readAt,
      actor: r.actor,
      roles: describeRoles(r.roles, 'en'),
      operation: operationLabel(r.operation),
      parketnummer: r.parketnummer ?? `zaak ${r.caseId}`,
    })),
  };
}
