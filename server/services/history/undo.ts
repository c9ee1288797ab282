import { and, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/open-database';
import { courtSessions, criminalCases, hearings } from '../../../db/schema';
import type { UndoKind, UndoResult } from '../../../shared/api/undo-schemas';
import { dutchDate } from '../../../shared/capacity/capacity-labels';
import { toAmsterdamLocal } from '../../../shared/calendar/amsterdam-time';
import { recordAudit } from '../audit';
import { sessionById } from '../capacity/capacity-rows';
import { expectVersion } from '../context/versions';
import { placeCaseManually, sessionHasStarted } from '../planner/manual-placement';
import { ServiceError } from '../service-error';
import { firstRow, inTransaction, isReadOnlyRefusal, sqlRow } from '../context/query-results';

/**
 * Undo (issue 15, item 3): the reverse of a move, an unplan, a session cancellation or a recorded plan,
 * as a new forward action with its own audit rows. It is derived from the audit trail, no table of its
 * own: each undoable action writes its audit row last (the undo token) with the versions of the records
 * it touched after it; the reverse action
 * - refuses (CONFLICT, naming who changed what and when) when any of those records changed since
 *   (expectVersion, as every edit), and otherwise
 * - goes through the same rules as the forward actions (placeCaseManually without confirmation: session
 *   open and not started, takes the modality and minors, a free place, no hard limit passed), never
 *   around them: a reverse that would need a confirmed breach is refused, and the user can do it by hand.
 * All or nothing: one transaction; when any case is blocked, nothing changes and every blocked case is
 * listed. Undoing an undo is not offered (its rows carry `undoOf`; a new forward action does that).
 * Idempotent: a second undo of the same action (a double click) changes nothing and answers `undone: false`.
 * Not undoable: a bulk move or unplan as a whole (planner.moveMany/unplanMany: each case's own row is a
 * token, offered in its case history), a first placement, and a replanning run that moved or displaced
 * already planned hearings (only a plan that placed new cases is undone). docs/undo.md.
 */

interface Anchor {
  id: number;
  occurredAt: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: number;
  reason: string | null;
  details: Record<string, unknown>;
}

const WHAT: Record<UndoKind, string> = {
  move: 'het verplaatsen van de zaak',
  unplan: 'het uit de planning halen van de zaak',
  cancel: 'het laten vervallen van de zitting',
  plan: 'het vastgelegde planningsvoorstel',
};

async function loadAnchor(db: AppDatabase, actionId: number): Promise<Anchor> {
  const row = await sqlRow(db.$client, 'select id, occurred_at as "occurredAt", actor, action, entity_type as "entityType", entity_id as "entityId", reason, details from audit_event where id = ?', [actionId]) as (Omit<Anchor, 'details'> & { details: string | null }) | undefined;
  if (!row) throw new ServiceError('NOT_FOUND', `Handeling ${actionId} bestaat niet in de geschiedenis.`);
  return { ...row, details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : {} };
}

/** The kind of undoable action an audit row is the token of; null when it is none (or is itself an undo). */
export function undoKindOf(anchor: Pick<Anchor, 'action' | 'details'>): UndoKind | null {
  const d = anchor.details;
  if (d['undoOf'] !== undefined || d['versions'] === undefined) return null;
  if (anchor.action === 'hearing.moved' && d['by'] === undefined) return 'move';
  if (anchor.action === 'hearing.unplanned' && d['by'] === undefined) return 'unplan';
  if (anchor.action === 'session.cancelled') return 'cancel';
  if (anchor.action === 'planner.recorded') return 'plan';
  return null;
}

/** Where the undo's own row about the action as a whole is kept (and looked up: a double click). */
function undoEntity(anchor: Anchor, kind: UndoKind): { entityType: string; entityId: number } {
  if (kind === 'cancel') return { entityType: 'court_session', entityId: anchor.entityId };
  if (kind === 'plan') return { entityType: 'planner_run', entityId: anchor.entityId };
  return { entityType: 'case', entityId: Number(anchor.details['caseId']) };
}

async function earlierUndo(db: AppDatabase, anchor: Anchor, kind: UndoKind): Promise<{ id: number } | undefined> {
  const { entityType, entityId } = undoEntity(anchor, kind);
  return await sqlRow(
    db.$client,
    {
      sqlite: `select id from audit_event where entity_type = ? and entity_id = ? and action = ? and json_extract(details, '$.undoOf') = ? order by id limit 1`,
      postgresql: `select id from audit_event where entity_type = ? and entity_id = ? and action = ? and (details::json ->> 'undoOf')::int = ? order by id limit 1`,
    },
    [entityType, entityId, `undo.${kind}`, anchor.id],
  ) as { id: number } | undefined;
}

/** '4-12-2026 om 10:15' (Amsterdam). */
function dutchMoment(iso: string): string {
  const local = toAmsterdamLocal(Date.parse(iso));
  const [year, month, day] = local.date.split('-').map(Number) as [number, number, number];
  return `${day}-${month}-${year} om ${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
}

/** The first sentence of a version conflict: who changed the record, when and how. */
async function changedSince(db: AppDatabase, record: 'case' | 'session', id: number, version: number): Promise<string | null> {
  try {
    await expectVersion(db, record, id, version);
    return null;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return error.message.split(' Uw wijziging')[0] ?? error.message;
  }
}

async function parketnummers(db: AppDatabase, caseIds: readonly number[]): Promise<Map<number, string>> {
  if (caseIds.length === 0) return new Map();
  return new Map((await db.select({ id: criminalCases.id, p: criminalCases.parketnummer }).from(criminalCases).where(inArray(criminalCases.id, [...caseIds]))).map((r) => [r.id, r.p]));
}

function refuse(kind: UndoKind, blocked: string[]): never {
  throw new ServiceError('CONFLICT', `${capitalise(WHAT[kind])} kan niet meer ongedaan worden gemaakt: ${blocked.join(' ')} Er is niets gewijzigd; pas de planning zo nodig met de hand aan.`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The planned hearing of a case now, if any. */
async function plannedHearing(db: AppDatabase, caseId: number) {
  return firstRow(await db.select().from(hearings).where(and(eq(hearings.caseId, caseId), eq(hearings.status, 'planned'))));
}

/**
 * Performs the reverse action of `actionId` inside the caller's write transaction (ctx.write). Throws
 * CONFLICT with a Dutch reason when it is not (or no longer) possible; then nothing has changed.
 */
export async function undoAction(db: AppDatabase, actionId: number, actor: string, now: Date): Promise<UndoResult> {
  const anchor = await loadAnchor(db, actionId);
  if (anchor.details['undoOf'] !== undefined || anchor.action.startsWith('undo.')) {
    throw new ServiceError('CONFLICT', 'Dit was zelf het ongedaan maken van een handeling; dat kan niet opnieuw ongedaan worden gemaakt. Voer de gewenste wijziging gewoon opnieuw uit.');
  }
  const kind = undoKindOf(anchor);
  if (!kind) throw new ServiceError('CONFLICT', 'Deze handeling kan niet ongedaan worden gemaakt. Alleen een verplaatsing, het uit de planning halen, het laten vervallen van een zitting en een vastgelegd planningsvoorstel kunnen ongedaan worden gemaakt.');
  const done = await earlierUndo(db, anchor, kind);
  if (done) return { kind, undone: false, caseIds: caseIdsOf(anchor, kind), sessionId: kind === 'cancel' ? anchor.entityId : null, message: 'Deze handeling was al ongedaan gemaakt; er is niets gewijzigd.' };
  return await inTransaction(db, async () => await reverse(db, anchor, kind, actor, now));
}

function caseIdsOf(anchor: Anchor, kind: UndoKind): number[] {
  if (kind === 'move' || kind === 'unplan') return [Number(anchor.details['caseId'])];
  return Object.keys((anchor.details['versions'] ?? {}) as Record<string, number>).map(Number);
}

async function reverse(db: AppDatabase, anchor: Anchor, kind: UndoKind, actor: string, now: Date): Promise<UndoResult> {
  const d = anchor.details;
  const versions = (d['versions'] ?? {}) as Record<string, number>;
  const caseIds = caseIdsOf(anchor, kind);
  const names = await parketnummers(db, caseIds);
  const reason = `Ongedaan gemaakt: ${WHAT[kind]} door ${anchor.actor} op ${dutchMoment(anchor.occurredAt)}${anchor.reason ? ` (${anchor.reason})` : ''}`;
  const occurredAt = now.toISOString();
  const blocked: string[] = [];
  const name = (caseId: number) => `Zaak ${names.get(caseId) ?? caseId}:`;

  if (kind === 'plan' && (Number(d['moved'] ?? 0) > 0 || Number(d['displaced'] ?? 0) > 0)) {
    refuse(kind, ['deze herplanning verplaatste al geplande zittingen, en dat wordt niet in één keer teruggedraaid.']);
  }
  // Everything the action touched must be as the action left it (the same check as any edit).
  for (const caseId of caseIds) {
    const change = await changedSince(db, 'case', caseId, versions[String(caseId)] ?? -1);
    if (change) blocked.push(`${name(caseId)} ${change}`);
  }
  let sessionLabel = '';
  if (kind === 'cancel') {
    const session = await sessionById(db, anchor.entityId);
    if (!session) throw new ServiceError('NOT_FOUND', `Zitting ${anchor.entityId} bestaat niet.`);
    sessionLabel = `de zitting van ${dutchDate(session.date)} ${session.startTime} in ${session.roomName}`;
    const change = await changedSince(db, 'session', session.id, Number(d['sessionVersion'] ?? -1));
    if (change) blocked.unshift(change);
    // Not to be confirmed away: a session that has begun cannot sit again.
    else if (sessionHasStarted(session, now)) blocked.unshift(`${capitalise(sessionLabel)} is al begonnen of voorbij.`);
  }
  if (blocked.length > 0) refuse(kind, blocked);

  if (kind === 'cancel') {
    await db.update(courtSessions).set({ status: 'scheduled', cancelReason: null }).where(eq(courtSessions.id, anchor.entityId));
    await recordAudit(db, { occurredAt, actor, action: 'undo.cancel', entityType: 'court_session', entityId: anchor.entityId, reason, details: { undoOf: anchor.id } });
  }

  // Each case back where the action found it, through the rules of a placement by hand (no confirmation).
  const back: { caseId: number; sessionId: number | null; pin: boolean }[] = [];
  if (kind === 'move' || kind === 'unplan') {
    const caseId = caseIds[0]!;
    const current = await plannedHearing(db, caseId);
    const expected = kind === 'move' ? Number(d['toSessionId']) : null;
    if ((current?.sessionId ?? null) !== expected) blocked.push(`${name(caseId)} de zaak staat niet meer waar de handeling haar liet.`);
    const original = firstRow(await db.select({ pinned: hearings.pinned }).from(hearings).where(eq(hearings.id, anchor.entityId)));
    back.push({ caseId, sessionId: Number(d['fromSessionId']), pin: original?.pinned ?? false });
  } else if (kind === 'cancel') {
    for (const h of (d['hearings'] ?? []) as { caseId: number; pinned: boolean }[]) back.push({ caseId: h.caseId, sessionId: anchor.entityId, pin: h.pinned });
  } else {
    for (const p of (d['placed'] ?? []) as { caseId: number; hearingId: number }[]) {
      if ((await plannedHearing(db, p.caseId))?.id !== p.hearingId) blocked.push(`${name(p.caseId)} de zaak staat niet meer op de zitting van het voorstel.`);
      back.push({ caseId: p.caseId, sessionId: null, pin: false });
    }
  }
  if (blocked.length > 0) refuse(kind, blocked);
  for (const step of back) {
    try {
      await placeCaseManually(db, { caseId: step.caseId, sessionId: step.sessionId, pin: step.pin, reason, confirmBreach: false, undoOf: anchor.id }, actor, now);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      blocked.push(`${name(step.caseId)} ${error.message.replace(/^Niet zonder uitdrukkelijke bevestiging: /, '')}`);
    }
  }
  if (blocked.length > 0) refuse(kind, blocked);
  for (const step of back) {
    await recordAudit(db, { occurredAt, actor, action: `undo.${kind}`, entityType: 'case', entityId: step.caseId, reason, details: { undoOf: anchor.id, sessionId: step.sessionId } });
  }
  if (kind === 'plan') await recordAudit(db, { occurredAt, actor, action: 'undo.plan', entityType: 'planner_run', entityId: anchor.entityId, reason, details: { undoOf: anchor.id } });
  return { kind, undone: true, caseIds, sessionId: kind === 'cancel' ? anchor.entityId : null, message: await doneMessage(db, kind, back, names, sessionLabel) };
}

async function doneMessage(db: AppDatabase, kind: UndoKind, back: { caseId: number; sessionId: number | null }[], names: Map<number, string>, sessionLabel: string): Promise<string> {
  if (kind === 'plan') return back.length === 1 ? '1 zaak uit het vastgelegde voorstel wacht weer op planning.' : `${back.length} zaken uit het vastgelegde voorstel wachten weer op planning.`;
  if (kind === 'cancel') {
    const cases = back.length === 0 ? '' : back.length === 1 ? ' 1 zaak staat er weer op.' : ` ${back.length} zaken staan er weer op.`;
    return `${capitalise(sessionLabel)} gaat weer door.${cases}`;
  }
  const step = back[0]!;
  const session = step.sessionId === null ? undefined : await sessionById(db, step.sessionId);
  return `Zaak ${names.get(step.caseId) ?? step.caseId} staat weer op de zitting van ${session ? `${dutchDate(session.date)} ${session.startTime}` : step.sessionId}.`;
}

const ROLLBACK = Symbol('undo-check');

export interface UndoState {
  undoActionId: number;
  undoable: boolean;
  /** Why not (plain Dutch); null when it can be undone. */
  undoBlockedReason: string | null;
}

/**
 * Whether an action can be undone now: the undo itself, run and rolled back (one place decides, the
 * same rules as the undo). Read paths call it for one action only (the newest of a history).
 */
export async function undoState(db: AppDatabase, actionId: number, actor: string, now: Date): Promise<UndoState> {
  const state = (undoable: boolean, reason: string | null): UndoState => ({ undoActionId: actionId, undoable, undoBlockedReason: reason });
  if (db.$client.readonly) return state(false, null);
  try {
    const anchor = await loadAnchor(db, actionId);
    const kind = undoKindOf(anchor);
    if (!kind) return state(false, null);
    if (await earlierUndo(db, anchor, kind)) return state(false, 'Deze handeling is al ongedaan gemaakt.');
    await inTransaction(db, async () => {
      await reverse(db, anchor, kind, actor, now);
      throw ROLLBACK;
    });
    return state(true, null);
  } catch (error) {
    if (error === ROLLBACK) return state(true, null);
    if (isReadOnlyRefusal(error)) throw error;
    if (error instanceof ServiceError) return state(false, error.message);
    // The file is busy or read-only: not offered now, without a reason to show.
    return state(false, null);
  }
}

/**
 * The undoable action a case's newest history row belongs to, if any: a move or unplan by hand is its
 * own token; a hearing placed by the planner belongs to its recorded plan; a return to the queue
 * because the session was cancelled belongs to that cancellation.
 */
export async function newestActionOfCase(db: AppDatabase, newest: { id: number; action: string; entityId: number; reason: string | null; details: Record<string, unknown> | null }): Promise<number | null> {
  const d = newest.details ?? {};
  if (undoKindOf({ action: newest.action, details: d })) return newest.id;
  if (newest.action === 'hearing.planned' && d['by'] === 'planner') {
    const run = await sqlRow(db.$client, `select id, details from audit_event where entity_type = 'planner_run' and action = 'planner.recorded' and id > ? order by id limit 1`, [newest.id]) as { id: number; details: string } | undefined;
    const placed = run ? ((JSON.parse(run.details) as { placed?: { hearingId: number }[] }).placed ?? []) : [];
    return run && placed.some((p) => p.hearingId === newest.entityId) ? run.id : null;
  }
  if (newest.action === 'case.status_changed' && typeof d['hearingId'] === 'number' && newest.reason?.startsWith('Zitting vervallen')) {
    const hearing = firstRow(await db.select({ sessionId: hearings.sessionId }).from(hearings).where(eq(hearings.id, d['hearingId'])));
    if (!hearing) return null;
    const cancelled = await sqlRow(db.$client, `select id from audit_event where entity_type = 'court_session' and entity_id = ? and action = 'session.cancelled' and id > ? order by id limit 1`, [hearing.sessionId, newest.id]) as { id: number } | undefined;
    return cancelled?.id ?? null;
  }
  return null;
}
