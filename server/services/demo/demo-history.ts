import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, startOfAmsterdamDay } from '../../../shared/calendar/amsterdam-time';
import { addDays } from '../../../shared/calendar/local-date';
import type { CourtCalendar } from '../../../shared/calendar/court-calendar';
import { computeDeadlines } from '../../../shared/deadlines/compute-deadlines';
import { DEFAULT_DEADLINE_SETTINGS } from '../../../shared/deadlines/settings';
import type { Modality } from '../../../shared/domain/modality';
import { DEFAULT_ACCEPTED_MODALITIES } from '../../../shared/domain/session';
import { toDeadlineInput } from '../../../shared/intake/case-intake';
import { DEMO_JUDGES } from './demo-blueprint';
import { demoUuid, judgmentChain, penaltyOrderChain, type ChainContext, type DemoSend } from './demo-chain';
import type { DemoCase, DemoHearing, DemoSession } from './demo-types';
import type { SeededRandom } from './seeded-random';

export interface HistoryContext {
  sessions: readonly DemoSession[];
  /** Start of each session (epoch ms). */
  sessionStart: readonly number[];
  asOf: string;
  moves: boolean;
  /** Outcomes, decisions and CJIB; without it only planning (and moves) happened. */
  chain: boolean;
  /** A stream of its own, so the planning part of the demo is the same with or without the history. */
  random: SeededRandom;
  calendar: CourtCalendar;
  /** Books the first free lawful session from `fromDays` to `toDays` after `fromDate`; null when there is none. */
  findFreeSession: (fromDate: string, fromDays: number, toDays: number, modality: Exclude<Modality, 'zsm'>, window: { notBefore: number; notAfter: number }) => number | null;
}

const ADJOURNMENT_REASONS = [
  'Reclasseringsrapport nog niet beschikbaar',
  'Verdachte wil een advocaat raadplegen',
  'Getuige moet worden gehoord',
  'Tolk niet aanwezig',
  'Dossier onvolledig: aanvullend proces-verbaal nodig',
] as const;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Adds what happened after planning to the generated cases, in arrival order: moved hearings (when
 * asked), the clerk's outcomes, adjourned cases heard again, judgments and strafbeschikkingen with
 * their way through CJIB. Nothing after the start of `asOf` has happened yet.
 */
export function addHistory(cases: DemoCase[], ctx: HistoryContext): void {
  const cutoff = startOfAmsterdamDay(ctx.asOf);
  const chain: ChainContext = { random: ctx.random, calendar: ctx.calendar, settings: DEFAULT_DEADLINE_SETTINGS, cutoff };
  const { random, sessions, sessionStart } = ctx;
  const unrecordedFrom = addDays(ctx.asOf, -UNRECORDED_DAYS);

  for (const c of cases) {
    if (ctx.chain && c.zsmDecision?.outcome === 'strafbeschikking') {
      c.decision = penaltyOrderChain(chain, { decidedAt: c.zsmDecision.decidedAt, prosecutor: c.zsmDecision.prosecutorName });
    }
    const first = c.hearing;
    if (!first) continue;
    const after = Date.parse(c.zsmDecision?.decidedAt ?? c.createdAt) + random.int(1, 6) * MS_PER_HOUR;
    first.plannedAt = iso(Math.max(Date.parse(c.createdAt), Math.min(after, sessionStart[first.session]! - 30 * MS_PER_MINUTE)));
    if (ctx.moves && random.chance(MOVED_SHARE)) first.movedFrom = movedFrom(c, first);
    if (first.status === 'planned' || !ctx.chain) continue;

    const outcome = recordOutcome(c, first);
    if (!outcome || first.status === 'held') continue;
    const modality = c.modality as Exclude<Modality, 'zsm'>;
    const resumeFrom = addDays(sessions[first.session]!.date, random.int(14, 42));
    outcome.resumeFrom = resumeFrom;
    const plannedAt = Date.parse(outcome.recordedAt) + random.int(1, 48) * MS_PER_HOUR;
    if (plannedAt > cutoff) continue;
    const session = ctx.findFreeSession(resumeFrom, 0, 28, modality, { notBefore: plannedAt + MS_PER_DAY, notAfter: Infinity });
    if (session === null) continue;
    const rehearing: DemoHearing = { session, status: sessions[session]!.date < ctx.asOf ? 'held' : 'planned', plannedAt: iso(plannedAt), movedFrom: null, outcome: null };
    c.rehearing = rehearing;
    if (rehearing.status === 'held') recordOutcome(c, rehearing);
  }
  if (ctx.chain) assignBatches(cases, random);

  /** The clerk records what happened, mostly the same day; a held hearing's judgment starts the chain. */
  function recordOutcome(c: DemoCase, hearing: DemoHearing) {
    const session = sessions[hearing.session]!;
    // The clerk's work list: the last week's rolls are not recorded yet.
    if (session.date >= unrecordedFrom) return null;
    const start = sessionStart[hearing.session]!;
    const decidedAt = start + random.int(0, 180) * MS_PER_MINUTE;
    const recordedAt = decidedAt + (random.chance(0.7) ? random.int(5, 120) * MS_PER_MINUTE : random.int(1, 4) * MS_PER_DAY);
    if (recordedAt > cutoff) return null;
    const suspectPresent = random.chance(0.9);
    if (hearing.status === 'adjourned') {
      hearing.outcome = { outcome: 'adjourned', recordedAt: iso(recordedAt), suspectPresent, adjournmentReason: random.pick(ADJOURNMENT_REASONS), resumeFrom: null };
      return hearing.outcome;
    }
    hearing.outcome = { outcome: 'decided', recordedAt: iso(recordedAt), suspectPresent, adjournmentReason: null, resumeFrom: null };
    c.decision = judgmentChain(chain, { decidedAt, recordedAt, judge: session.judgeName ?? random.pick(DEMO_JUDGES), suspectPresent });
    return hearing.outcome;
  }

  /** Another lawful session the case was first planned on, and when it was moved from there. */
  function movedFrom(c: DemoCase, hearing: DemoHearing): DemoHearing['movedFrom'] {
    const held = sessions[hearing.session]!;
    const limits = computeDeadlines(toDeadlineInput(c.parketnummer, c) as never);
    const notBefore = Math.max(Date.parse(hearing.plannedAt) + MS_PER_DAY, limits.hearingFrom ? Date.parse(limits.hearingFrom) : -Infinity);
    const notAfter = limits.hearingBy ? Date.parse(limits.hearingBy) : Infinity;
    const candidates: number[] = [];
    for (let i = Math.max(0, hearing.session - 60); i < Math.min(sessions.length, hearing.session + 60); i++) {
      const s = sessions[i]!;
      if (i === hearing.session || s.date === held.date) continue;
      const starts = sessionStart[i]!;
      if (starts < notBefore || starts > notAfter || !DEFAULT_ACCEPTED_MODALITIES[s.sessionType].includes(c.modality as never)) continue;
      candidates.push(i);
    }
    if (candidates.length === 0) return null;
    const session = random.pick(candidates);
    const latest = Math.min(sessionStart[session]!, sessionStart[hearing.session]!, cutoff) - MS_PER_HOUR;
    const planned = Date.parse(hearing.plannedAt);
    if (latest <= planned) return null;
    return { session, movedAt: iso(planned + Math.floor(random.next() * (latest - planned))) };
  }
}

/**
 * The batches the sends went in: every send of one moment (the day's batch, DEMO_BATCH_TIME) is one
 * batch, with its id drawn from the history's stream in time order, so a seed gives the same batches.
 */
function assignBatches(cases: readonly DemoCase[], random: SeededRandom): void {
  const byMoment = new Map<string, DemoSend[]>();
  for (const c of cases) {
    for (const send of c.decision?.handoff?.sends ?? []) {
      const list = byMoment.get(send.sentAt) ?? [];
      list.push(send);
      byMoment.set(send.sentAt, list);
    }
  }
  for (const moment of [...byMoment.keys()].sort()) {
    const batchUid = demoUuid(random);
    for (const send of byMoment.get(moment)!) send.batchUid = batchUid;
  }
}

/** Hearings of the last days before 'today' whose outcome the clerk has not recorded yet. */
const UNRECORDED_DAYS = 7;

/** Share of hearings first planned on another session (when moves are on). */
const MOVED_SHARE = 0.08;
