import { amsterdamDate, fromAmsterdamLocal, MS_PER_DAY, MS_PER_HOUR, startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import { addDays } from '../../../shared/calendar/local-date';
import type { CourtCalendar } from '../../../shared/calendar/court-calendar';
import { TERMINAL_EXECUTION_STATUSES } from '../../../shared/cjib/execution-rules';
import type { ReturnReasonCode } from '../../../shared/cjib/return-reasons';
import { appealTerm, judgmentToOmTerm, toCjibTerm, verzetTerm } from '../../../shared/deadlines/remedy-terms';
import type { DeadlineSettings } from '../../../shared/deadlines/settings';
import type { ExecutionStatus } from '../../../shared/domain/cjib';
import type { DecisionKind, Remedy, SanctionKind } from '../../../shared/domain/outcome';
import { VERDICT_DESCRIPTIONS } from '../../../shared/outcomes/outcome-record';
import type { SeededRandom } from './seeded-random';

/*
 * The chain after the hearing (or after the ZSM table's strafbeschikking) for the demo history: the
 * decision with its sanctions, the hand-off to CJIB and CJIB's answers, in the shapes the issue-5
 * services write. Every moment is drawn forward from the one before and the chain stops at the
 * demo's 'today' (`cutoff`): what would happen later has not happened yet.
 */

export interface DemoSanction {
  kind: SanctionKind;
  amountCents: number | null;
  hours: number | null;
  days: number | null;
  conditional: boolean;
  probationMonths: number | null;
  substituteDetentionDays: number | null;
  description: string | null;
  executions: DemoExecution[];
}

/** A CJIB message: `at` is CJIB's moment, `importedAt` when Ketenplanner read it (the audit moment). */
export interface DemoCjibAnswer {
  at: string;
  importedAt: string;
}

export interface DemoExecution extends DemoCjibAnswer {
  status: ExecutionStatus;
}

export interface DemoReturn extends DemoCjibAnswer {
  code: ReturnReasonCode;
  reason: string;
  /** When the OM repaired it (the hand-off waits again); null while still returned. */
  reworkedAt: string | null;
}

export interface DemoSend {
  attempt: number;
  /** The moment of the batch it went in (DEMO_BATCH_TIME on a court day): every send of that moment is one batch. */
  sentAt: string;
  /** The batch's id, assigned once every send is known (demo-history.ts assignBatches). */
  batchUid: string;
  returned: DemoReturn | null;
}

export interface DemoHandoff {
  correlationId: string;
  createdAt: string;
  sends: DemoSend[];
  ack: (DemoCjibAnswer & { attempt: number }) | null;
}

export interface DemoDecision {
  kind: DecisionKind;
  decidedAt: string;
  decidedBy: string;
  suspectPresent: boolean | null;
  recordedAt: string;
  judgmentSignedAt: string | null;
  /** Penalty order: handed to the person (the verzet term runs from it). */
  deliveredAt: string | null;
  remedy: Remedy;
  remedyFiledAt: string | null;
  sanctions: DemoSanction[];
  /** Null for a verdict without punishment: nothing to hand to CJIB. */
  handoff: DemoHandoff | null;
  /** When the last sanction that needed executing was executed (or CJIB acknowledged a decision with nothing to execute). */
  completedAt: string | null;
}

export interface ChainContext {
  random: SeededRandom;
  calendar: CourtCalendar;
  settings: DeadlineSettings;
  /** The start of the demo's 'today' (epoch ms): nothing later has happened. */
  cutoff: number;
}

export const DEMO_RETURN_TEXTS: Record<Exclude<ReturnReasonCode, 'R99'>, string> = {
  R01: 'Adres van de veroordeelde ontbreekt in de aanlevering.',
  R02: 'Bedrag van de geldboete wijkt af van het vonnis.',
  R03: 'Vervangende hechtenis niet vermeld.',
  R04: 'Rechtsmiddel geregistreerd; uitspraak nog niet onherroepelijk.',
  R05: 'Beslissing eerder aangeleverd onder een ander kenmerk.',
};

const iso = (ms: number) => new Date(ms).toISOString();
const at = (text: string) => Date.parse(text);

/** A moment on the first court day at or after `ms`'s day, between 09:00 and 16:59 Amsterdam time, and never before `ms`. */
function officeMoment(ctx: ChainContext, ms: number): number {
  let day = amsterdamDate(ms);
  while (!ctx.calendar.isCourtDay(day)) day = addDays(day, 1);
  const moment = fromAmsterdamLocal(day, ctx.random.int(9, 16), ctx.random.int(0, 59));
  return Math.max(moment, ms + 60_000);
}

/**
 * The demo's OM makes one batch for CJIB a day, on court days at this Amsterdam time, with every
 * decision that is final and complete by then: a send is the first batch moment at or after it is due.
 */
export const DEMO_BATCH_TIME = { hour: 15, minute: 0 } as const;

/** The first batch moment (a court day at DEMO_BATCH_TIME) at or after `ms`. */
export function batchMoment(calendar: CourtCalendar, ms: number): number {
  let day = amsterdamDate(ms);
  for (;;) {
    const moment = fromAmsterdamLocal(day, DEMO_BATCH_TIME.hour, DEMO_BATCH_TIME.minute);
    if (calendar.isCourtDay(day) && moment >= ms) return moment;
    day = addDays(day, 1);
  }
}

/** A UUID drawn from the demo's random stream, so the same seed gives the same correlation ids. */
export function demoUuid(random: SeededRandom): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = (8 + random.int(0, 3)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const sanction = (kind: SanctionKind, fields: Partial<Omit<DemoSanction, 'kind' | 'executions'>>): DemoSanction => ({
  kind,
  amountCents: null,
  hours: null,
  days: null,
  conditional: false,
  probationMonths: null,
  substituteDetentionDays: null,
  description: null,
  executions: [],
  ...fields,
});

/** A politierechter's sanctions, valid by shared/cjib/sanction-rules.ts: fines, community service, custody, compensation. */
function judgmentSanctions(random: SeededRandom): DemoSanction[] {
  const fine = () => {
    const euros = random.int(3, 30) * 50;
    return sanction('fine', { amountCents: euros * 100, substituteDetentionDays: Math.max(1, Math.min(365, Math.round(euros / 50))) });
  };
  const communityService = () => {
    const hours = random.int(2, 24) * 10;
    return sanction('community_service', { hours, substituteDetentionDays: hours / 2 });
  };
  const conditionalCustody = () => sanction('custodial', { days: random.int(1, 12) * 7, conditional: true, probationMonths: random.pick([12, 24, 36]) });
  const kind = random.weighted([['fine', 35], ['community', 28], ['custody', 15], ['conditional', 10], ['no_punishment', 5], ['fine_and_community', 7]] as const);
  let list: DemoSanction[];
  switch (kind) {
    case 'no_punishment':
      return [sanction('other_measure', { description: VERDICT_DESCRIPTIONS[random.weighted([['acquittal', 70], ['discharge', 15], ['guilty_no_punishment', 15]] as const)] })];
    case 'fine':
      list = [fine()];
      break;
    case 'community':
      list = random.chance(0.4) ? [communityService(), conditionalCustody()] : [communityService()];
      break;
    case 'custody':
      list = [sanction('custodial', { days: random.int(1, 26) * 7 }), ...(random.chance(0.5) ? [conditionalCustody()] : [])];
      break;
    case 'conditional':
      list = [conditionalCustody()];
      break;
    case 'fine_and_community':
      list = [fine(), communityService()];
      break;
  }
  if (random.chance(0.15)) list.push(sanction('compensation_order', { amountCents: random.int(5, 150) * 1000, substituteDetentionDays: random.int(1, 30), description: `SLO-${random.int(100000, 999999)}` }));
  return list;
}

/** An OM strafbeschikking: a fine or community service of at most 180 hours, never custody (art. 257a Sv). */
function penaltyOrderSanctions(random: SeededRandom): DemoSanction[] {
  if (random.chance(0.75)) return [sanction('fine', { amountCents: random.int(3, 20) * 5000 })];
  return [sanction('community_service', { hours: random.int(2, 18) * 10 })];
}

/** A politierechter's judgment at the hearing and all that followed it up to the cutoff. */
export function judgmentChain(ctx: ChainContext, hearing: { decidedAt: number; recordedAt: number; judge: string; suspectPresent: boolean }): DemoDecision {
  const { random, calendar, settings, cutoff } = ctx;
  const sanctions = judgmentSanctions(random);
  const decidedAt = hearing.decidedAt;
  // Wet USB: the court hands the signed judgment to the OM within the norm; mostly in time.
  const signNorm = judgmentToOmTerm(decidedAt, settings, calendar).at;
  const signed = random.chance(0.88)
    ? officeMoment(ctx, decidedAt + random.int(1, Math.max(1, settings.judgmentToOmDays - 3)) * MS_PER_DAY)
    : officeMoment(ctx, signNorm + random.int(1, 20) * MS_PER_DAY);
  const appealed = random.chance(0.04);
  const term = appealTerm(decidedAt, calendar);
  const remedyFiled = appealed ? officeMoment(ctx, decidedAt + random.int(1, 12) * MS_PER_DAY) : null;
  const decision: DemoDecision = {
    kind: 'judgment',
    decidedAt: iso(decidedAt),
    decidedBy: hearing.judge,
    suspectPresent: hearing.suspectPresent,
    recordedAt: iso(hearing.recordedAt),
    judgmentSignedAt: signed <= cutoff ? iso(signed) : null,
    deliveredAt: null,
    remedy: remedyFiled !== null && remedyFiled <= cutoff ? 'appeal' : 'none',
    remedyFiledAt: remedyFiled !== null && remedyFiled <= cutoff ? iso(remedyFiled) : null,
    sanctions,
    handoff: null,
    completedAt: null,
  };
  if (sanctions.length === 1 && sanctions[0]!.kind === 'other_measure') return decision;
  const enforceableAt = startOfAmsterdamDay(addDays(term.lastDay, 1));
  const dueAt = toCjibTerm({ kind: 'judgment', remedyLastDay: term.lastDay }, settings, calendar).at;
  return withHandoff(ctx, decision, { createdAt: hearing.recordedAt, sendableFrom: Math.max(enforceableAt, signed), dueAt, blocked: appealed });
}

/** The strafbeschikking the ZSM table decided on, once recorded, and all that followed it up to the cutoff; null while not recorded. */
export function penaltyOrderChain(ctx: ChainContext, zsm: { decidedAt: string; prosecutor: string }): DemoDecision | null {
  const { random, calendar, settings, cutoff } = ctx;
  const decidedAt = at(zsm.decidedAt);
  // Mostly handed over in person at the table; some later, by the police.
  const delivered = random.chance(0.8) ? decidedAt + random.int(5, 120) * 60_000 : officeMoment(ctx, decidedAt + random.int(1, 10) * MS_PER_DAY);
  const recorded = officeMoment(ctx, delivered + random.int(0, 3) * MS_PER_DAY);
  if (recorded > cutoff) return null;
  const sanctions = penaltyOrderSanctions(random);
  const term = verzetTerm(delivered, calendar);
  const opposed = random.chance(0.03);
  const remedyFiled = opposed ? officeMoment(ctx, delivered + random.int(1, 12) * MS_PER_DAY) : null;
  const decision: DemoDecision = {
    kind: 'penalty_order',
    decidedAt: zsm.decidedAt,
    decidedBy: zsm.prosecutor,
    suspectPresent: null,
    recordedAt: iso(recorded),
    judgmentSignedAt: null,
    deliveredAt: iso(delivered),
    remedy: remedyFiled !== null && remedyFiled <= cutoff ? 'verzet' : 'none',
    remedyFiledAt: remedyFiled !== null && remedyFiled <= cutoff ? iso(remedyFiled) : null,
    sanctions,
    handoff: null,
    completedAt: null,
  };
  const enforceableAt = startOfAmsterdamDay(addDays(term.lastDay, 1));
  const dueAt = toCjibTerm({ kind: 'penalty-order', remedyLastDay: term.lastDay }, settings, calendar).at;
  return withHandoff(ctx, decision, { createdAt: recorded, sendableFrom: Math.max(enforceableAt, recorded), dueAt, blocked: opposed });
}

/**
 * The hand-off: sent once final (mostly within the Wet USB norm, some late) in the day's batch,
 * sometimes returned with a reason and re-sent after repair, acknowledged, then executed sanction by
 * sanction. The demo's OM sends everything final in the next batch, so on 'today' its work list holds
 * only what became final (or was repaired) after the last batch before it: a realistic few.
 */
function withHandoff(ctx: ChainContext, decision: DemoDecision, times: { createdAt: number; sendableFrom: number; dueAt: number; blocked: boolean }): DemoDecision {
  const { random, cutoff } = ctx;
  const handoff: DemoHandoff = { correlationId: demoUuid(random), createdAt: iso(times.createdAt), sends: [], ack: null };
  decision.handoff = handoff;
  if (times.blocked || times.sendableFrom > cutoff) return decision;

  const late = random.chance(0.1);
  const planned = late
    ? officeMoment(ctx, times.dueAt + random.int(1, 30) * MS_PER_DAY)
    : officeMoment(ctx, times.sendableFrom + random.int(0, Math.max(0, Math.floor((times.dueAt - times.sendableFrom) / MS_PER_DAY) - 1)) * MS_PER_DAY);
  let sentAt = batchMoment(ctx.calendar, clampToCutoff(ctx, Math.max(planned, times.sendableFrom), times.sendableFrom));
  for (let attempt = 1; ; attempt++) {
    // No batch before 'today' any more: final (or repaired) and waiting for the next batch.
    if (sentAt > cutoff) return decision;
    const send: DemoSend = { attempt, sentAt: iso(sentAt), batchUid: '', returned: null };
    handoff.sends.push(send);
    if (attempt === 1 && random.chance(0.08)) {
      const imported = officeMoment(ctx, sentAt + random.int(1, 4) * MS_PER_DAY);
      if (imported > cutoff) return decision;
      const code = random.weighted([['R01', 30], ['R02', 25], ['R03', 15], ['R04', 10], ['R05', 20]] as const);
      const reworked = officeMoment(ctx, imported + random.int(1, 10) * MS_PER_DAY);
      send.returned = { at: iso(imported - random.int(2, 12) * MS_PER_HOUR), importedAt: iso(imported), code, reason: DEMO_RETURN_TEXTS[code], reworkedAt: reworked <= cutoff ? iso(reworked) : null };
      if (reworked > cutoff) return decision;
      sentAt = batchMoment(ctx.calendar, clampToCutoff(ctx, reworked + random.int(1, 4) * MS_PER_HOUR, reworked));
      continue;
    }
    const imported = officeMoment(ctx, sentAt + random.int(1, 3) * MS_PER_DAY);
    if (imported > cutoff) return decision;
    handoff.ack = { attempt, at: iso(Math.max(sentAt + MS_PER_HOUR, imported - random.int(1, 10) * MS_PER_HOUR)), importedAt: iso(imported) };
    break;
  }
  decision.completedAt = executeSanctions(ctx, decision.sanctions, at(handoff.ack.importedAt));
  return decision;
}

/** A moment at or after `from`, pulled back to before the cutoff when `from` itself lies before it. */
function clampToCutoff(ctx: ChainContext, planned: number, from: number): number {
  if (planned <= ctx.cutoff || from > ctx.cutoff) return planned;
  return from + Math.floor(ctx.random.next() * (ctx.cutoff - from));
}

/** Writes each executable sanction's CJIB reports up to the cutoff; returns when the last one closed, or null when one is still open. */
function executeSanctions(ctx: ChainContext, sanctions: DemoSanction[], acknowledged: number): string | null {
  const { random, cutoff } = ctx;
  let closedAt = acknowledged;
  let open = false;
  for (const s of sanctions) {
    if (s.conditional || s.kind === 'other_measure') continue;
    const steps: [ExecutionStatus, number][] = [];
    const after = (from: number, minDays: number, maxDays: number) => officeMoment(ctx, from + random.int(minDays, maxDays) * MS_PER_DAY);
    switch (s.kind) {
      case 'fine':
      case 'compensation_order': {
        const path = random.weighted([['paid', 78], ['arrangement', 17], ['stopped', 5]] as const);
        if (path === 'paid') steps.push(['fine_paid_in_full', after(acknowledged, 3, 60)]);
        if (path === 'stopped') steps.push(['fine_collection_stopped', after(acknowledged, 90, 400)]);
        if (path === 'arrangement') {
          const agreed = after(acknowledged, 5, 30);
          steps.push(['fine_paid_by_arrangement', agreed]);
          if (random.chance(0.85)) steps.push(['fine_paid_in_full', after(agreed, 60, 300)]);
        }
        break;
      }
      case 'community_service': {
        const started = after(acknowledged, 14, 60);
        steps.push(['community_service_started', started]);
        steps.push(random.chance(0.88) ? ['community_service_completed', after(started, 14, 120)] : ['community_service_failed', after(started, 30, 150)]);
        break;
      }
      case 'custodial': {
        const reported = random.chance(0.7) ? (['custodial_self_reported', after(acknowledged, 14, 90)] as const) : (['custodial_arrested', after(acknowledged, 30, 200)] as const);
        steps.push([reported[0], reported[1]]);
        steps.push(['custodial_served', after(reported[1], Math.ceil(((s.days ?? 1) * 2) / 3), s.days ?? 1)]);
        break;
      }
    }
    for (const [status, imported] of steps) {
      if (imported > cutoff) break;
      s.executions.push({ status, at: iso(imported - random.int(1, 20) * MS_PER_HOUR), importedAt: iso(imported) });
    }
    const last = s.executions.at(-1);
    const terminal = last !== undefined && TERMINAL_EXECUTION_STATUSES.includes(last.status);
    if (!terminal) open = true;
    else closedAt = Math.max(closedAt, at(last.importedAt));
  }
  return open ? null : iso(closedAt);
}
