import { randomUUID } from 'node:crypto';
import { isOperationName, type OperationName } from '../../shared/api/contract';
import type { ApiEnvelope, ApiErrorBody } from '../../shared/api/envelope';
import { OFFLINE_OPERATIONS, offlineRefusal } from '../../shared/api/offline-operations';
import { isWriteOperation, REQUEST_ID_PATTERN } from '../../shared/api/operation-kinds';
import type { ServerPerson } from '../../shared/api/desktop-bridge';
import type { ConflictChoice, ResolveConflictAnswer, SyncStatus, SyncSubject } from '../../shared/api/sync-status';
import { ALREADY_DONE, type ApiHandler } from '../services/api-handler';
import type { Clock } from '../services/context/clock';
import type { ConnectedBackend } from './connected-backend';
import { CREATED_OFFLINE_TABLES, describeQueued } from './offline-subjects';
import type { ChangesOutput, CopyPageOutput, FetchChanges, FetchPage, FetchRows, LocalCopy, RowsOutput } from './local-copy/local-copy';
import { OutboxStore, type OfflineRead, type OutboxEntry } from './outbox-store';

/**
 * A desktop connected to a district server that keeps working when the server cannot be reached
 * (issue 14, docs/offline.md). Online, every operation goes to the server (ConnectedBackend) and a
 * background pull keeps the local copy current. Offline (the server answers UNAVAILABLE), reads are
 * answered by a standalone api handler over the local copy (the signed-in person's roles), writes that
 * may be queued (shared/api/offline-operations.ts) are applied to the copy and kept in the outbox, and
 * the others are refused in Dutch with the reason. Back online, the outbox is sent in order with each
 * entry's original request id (a resend after a lost answer gets the server's stored answer); a refusal
 * lands in the conflict inbox with the server's reason and what the server holds now; then every row
 * the local writes touched is replaced by the server's (repair) and the changes since the cursor are
 * pulled. Nothing is merged by guesswork: the server decides.
 */

export interface SyncingBackendOptions {
  connected: Pick<ConnectedBackend, 'handler' | 'serverUrl' | 'reachable'>;
  /** The signed-in person; started signed out: the copy's owner, whose roles the copy answers with. */
  person: ServerPerson;
  /**
   * Issue 14's offline start: no one is signed in. Everything is answered from the copy (the outbox as
   * offline) and nothing is sent to the server: the probe only asks whether it answers (without signing
   * in), and the outbox waits for `signedIn` with the copy's owner.
   */
  signedOut?: boolean;
  localCopy: LocalCopy;
  /** better-sqlite3's addon for the outbox's connection (the Electron-ABI build under Electron). */
  nativeBinding?: string | undefined;
  clock: Clock;
  /** Probe while offline (default 5 s) and pull while online (default 15 s); null: no timers (tests call syncNow). */
  intervals?: { probeMs: number; pullMs: number } | null;
  /** A new request id (a redo, a resolution); default kp-<uuid>. */
  newRequestId?: () => string;
  /** Notes that are no failure of an operation (a pull that failed); default console.warn. */
  log?: (message: string) => void;
}

export interface SyncingBackend {
  handler: ApiHandler;
  status(): Promise<SyncStatus>;
  /** Offline: probes the server and, when it answers, sends the outbox, repairs and pulls. Online: pulls. */
  syncNow(): Promise<void>;
  resolveConflict(id: number, choice: ConflictChoice): Promise<ResolveConflictAnswer>;
  /**
   * Started signed out: the copy's owner signed in (the same actor; anyone else is refused with false,
   * nothing sent). Then the outbox is sent, as after any time offline, under their name.
   */
  signedIn(person: ServerPerson): Promise<boolean>;
  close(): Promise<void>;
}

const OFFLINE_SINCE = 'offline_since';
/** This desktop's own id (a UUID), so the request ids of its offline reads never meet another desktop's. */
const DESKTOP_ID = 'desktop_id';
const OFFLINE_READS_PER_REQUEST = 200;
/** Refusals that do not depend on the data: the server refuses the same input the same way. */
const REFUSED_ANYWHERE: ReadonlySet<string> = new Set(['INVALID_INPUT', 'FORBIDDEN', 'UNKNOWN_OPERATION']);
const UNSURE =
  'De districtsserver antwoordde niet; of deze handeling daar is vastgelegd, is nog niet bekend. Zij wordt opnieuw verstuurd zodra de verbinding terug is (u ziet haar bij "nog niet bevestigd"); de districtsserver beslist.';
const RESOLUTION_OPERATION = 'sync.resolveConflict';

/** A server answer that stops a synchronisation step (the server is gone, the sign-in expired, a refusal). */
class RemoteFailure extends Error {
  constructor(readonly error: ApiErrorBody) {
    super(error.message);
    this.name = 'RemoteFailure';
  }
}

function failure(code: ApiErrorBody['code'], message: string): ApiEnvelope<never> {
  return { ok: false, error: { code, message } };
}

export async function createSyncingBackend(options: SyncingBackendOptions): Promise<SyncingBackend> {
  const { connected, localCopy, clock } = options;
  const log = options.log ?? ((message: string) => console.warn(message));
  const newRequestId = options.newRequestId ?? (() => `kp-${randomUUID()}`);
  const localPerson = (p: ServerPerson) => ({ actor: `${p.name} (${p.organisation})`, roles: p.roles, policeUnit: p.policeUnit });
  let person = localPerson(options.person);
  let signIn: NonNullable<SyncStatus['signIn']> = options.signedOut ? 'signedOut' : 'signedIn';
  const host = new URL(connected.serverUrl).host;
  const store = new OutboxStore(localCopy.path, options.nativeBinding);
  await store.init();
  let local = localCopy.localHandler(person);
  // The copy remembers whom it belongs to (the roles of this sign-in), for a start without the server.
  if (signIn === 'signedIn') await localCopy.setOwner(options.person);

  // A write cut off between the outbox and the local copy by a crash: kept only if the copy took it.
  await store.recover((requestId) => store.lookup('select 1 from processed_request where request_id = ?', requestId) !== undefined);

  const pendingAtStart = store.pendingCount() > 0 || signIn === 'signedOut';
  let connection: SyncStatus['connection'] = pendingAtStart ? 'offline' : 'online';
  let offlineSince: string | null = pendingAtStart ? (store.meta(OFFLINE_SINCE) ?? store.pending()[0]?.createdAt ?? null) : null;
  if (signIn === 'signedOut' && offlineSince === null) {
    // Closed while online: when the network went is not known; from this start on it is missing.
    offlineSince = clock.now().toISOString();
    await store.setMeta(OFFLINE_SINCE, offlineSince);
  }
  let syncing = false;
  let firstCopy: SyncStatus['firstCopy'] = null;
  let closed = false;

  // One synchronisation step or queued write at a time: the outbox keeps the user's order, and a repair
  // never runs while a local write is half-way.
  let tail: Promise<unknown> = Promise.resolve();
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  }

  const nowIso = () => clock.now().toISOString();

  async function goOffline(): Promise<void> {
    if (connection === 'offline') return;
    connection = 'offline';
    offlineSince = nowIso();
    await store.setMeta(OFFLINE_SINCE, offlineSince);
  }

  async function goOnline(): Promise<void> {
    connection = 'online';
    offlineSince = null;
    await store.setMeta(OFFLINE_SINCE, null);
  }

  /** The server's answer, or a RemoteFailure (thrown) when it refused or could not be reached. */
  async function remote<T>(operation: string, input: unknown, requestId?: string): Promise<T> {
    const answer = await connected.handler(operation, input, requestId ? { requestId } : {});
    if (!answer.ok) throw new RemoteFailure(answer.error);
    return answer.value as T;
  }

  const fetchPage: FetchPage = (input) => remote<CopyPageOutput>('sync.copyPage', input);
  const fetchRows: FetchRows = (table, keys) => remote<RowsOutput>('sync.rows', { table, keys });
  const fetchChanges: FetchChanges = async (cursor) => {
    try {
      return await remote<ChangesOutput>('sync.changes', { cursor });
    } catch (error) {
      if (error instanceof RemoteFailure && error.error.code === 'FULL_COPY_NEEDED') return 'FULL_COPY_NEEDED';
      throw error;
    }
  };

  async function hasCopy(): Promise<boolean> {
    return (await localCopy.state()).cursor !== null;
  }

  async function copyEverything(): Promise<void> {
    firstCopy = { table: '', rows: 0 };
    try {
      await localCopy.fullCopy(fetchPage, (progress) => (firstCopy = progress));
    } finally {
      firstCopy = null;
    }
  }

  /** The changes since the cursor; a full copy when there is none yet or the server no longer has them all. */
  async function catchUp(): Promise<void> {
    const result = await localCopy.catchUp(fetchChanges);
    if (result.fullCopyNeeded) await copyEverything();
  }

  /** The server's current rows of an entry's subject, for the conflict inbox; [] when it holds none (or not for this person). */
  async function serverNow(subject: SyncSubject | null): Promise<unknown> {
    if (!subject) return null;
    try {
      return (await remote<RowsOutput>('sync.rows', { table: subject.table, keys: [subject.key] })).rows;
    } catch (error) {
      // The refusal stands without it; only a server that went away stops the flush.
      if (error instanceof RemoteFailure && error.error.code !== 'UNAVAILABLE' && error.error.code !== 'UNAUTHORIZED') return null;
      throw error;
    }
  }

  /** Sends the outbox in order; throws a RemoteFailure (UNAVAILABLE, UNAUTHORIZED) when it must stop. */
  async function flush(): Promise<void> {
    let entries: OutboxEntry[];
    while ((entries = store.pending()).length > 0) {
      for (const entry of entries) {
        const answer = await connected.handler(entry.operation, entry.input, { requestId: entry.requestId });
        // Done before, its answer lost on the server too: done all the same, never a conflict.
        if (answer.ok || (answer.error.code === 'CONFLICT' && answer.error.message === ALREADY_DONE)) {
          await store.confirm(entry);
          continue;
        }
        if (answer.error.code === 'UNAVAILABLE' || answer.error.code === 'UNAUTHORIZED') throw new RemoteFailure(answer.error);
        await store.refuse(entry, { code: answer.error.code, reason: answer.error.message, serverNow: await serverNow(entry.subject), at: nowIso() });
      }
    }
  }

  /**
   * The reads of personal data answered from the copy while offline, sent to the server's log (issue 13
   * item 5: every disclosure traceable); removed here once the server has them. The server names the reader.
   * A refusal other than a lost connection is logged and the reads kept for the next round.
   */
  async function sendOfflineReads(): Promise<void> {
    let desktopId = store.meta(DESKTOP_ID);
    if (desktopId === null) {
      desktopId = randomUUID();
      await store.setMeta(DESKTOP_ID, desktopId);
    }
    let reads: OfflineRead[];
    while ((reads = store.offlineReads(OFFLINE_READS_PER_REQUEST)).length > 0) {
      const answer = await connected.handler(
        'disclosures.recordOffline',
        { reads: reads.map((read) => ({ readAt: read.readAt, operation: read.operation, caseIds: [read.caseId], requestId: `rd-${desktopId}-${read.id}-${Date.parse(read.readAt)}` })) },
        { requestId: newRequestId() },
      );
      if (!answer.ok) {
        if (answer.error.code === 'UNAVAILABLE' || answer.error.code === 'UNAUTHORIZED') throw new RemoteFailure(answer.error);
        log(`Gelezen zaken zonder verbinding niet vastgelegd op ${host}: ${answer.error.message}`);
        return;
      }
      await store.forgetReads(reads.map((read) => read.id));
    }
  }

  /** Offline: flush, repair, catch up, then online. Online: catch up. Stops quietly when the server is gone. */
  async function synchronise(): Promise<void> {
    if (closed) return;
    syncing = true;
    try {
      if (signIn === 'signedOut') {
        // Nothing is sent before someone signs in: only whether the server answers again (the header then asks to sign in).
        if (await connected.reachable()) connection = 'signed-out';
        else if (connection !== 'offline') connection = 'offline';
        return;
      }
      if (connection !== 'online') {
        // The probe: the first entry sent, or a cheap read when there is none.
        if (store.pendingCount() === 0) await remote('district.get', {});
        await flush();
        await sendOfflineReads();
        await localCopy.repair(fetchRows);
        await catchUp();
        if (store.pendingCount() === 0) await goOnline();
      } else {
        await catchUp();
      }
    } catch (error) {
      if (!(error instanceof RemoteFailure)) throw error;
      if (error.error.code === 'UNAVAILABLE') await goOffline();
      else if (error.error.code === 'UNAUTHORIZED') connection = 'signed-out';
      else log(`Synchronisatie met ${host} gestopt: ${error.message}`);
    } finally {
      syncing = false;
    }
  }

  /**
   * A queueable write while offline: applied to the copy and kept in the outbox; 'online' when the server
   * came back meanwhile. `sent`: the write already went to the server, which did not answer: it may have
   * done it. Should the copy refuse it (its data may be behind), it stays in the outbox all the same,
   * unapplied, so the server's answer decides, never the copy's.
   */
  async function queue(operation: OperationName, input: unknown, requestId: string | null | undefined, sent: boolean): Promise<ApiEnvelope<unknown> | 'online'> {
    return exclusive(async () => {
      if (direct()) return 'online' as const;
      const id = requestId ?? newRequestId();
      if (!REQUEST_ID_PATTERN.test(id)) return failure('INVALID_INPUT', 'De aanvraag-id (Idempotency-Key) is ongeldig: 8 tot 128 letters, cijfers of - _ : .');
      // A double click (or a retry) of an action already queued: the copy answers it from its store, the outbox keeps one entry.
      if (store.entry(id)) return local(operation, input, { requestId: id });
      const description = describeQueued(operation, input, (sql, ...params) => store.lookup(sql, ...params));
      if (description.subject && store.createdOffline(description.subject)) {
        return failure(
          'UNAVAILABLE',
          `Niet mogelijk zonder verbinding met de districtsserver: dit is zonder verbinding aangemaakt en nog niet door de districtsserver bevestigd (${description.subject.table} ${description.subject.key}). Wacht tot de verbinding terug is.`,
        );
      }
      const entry = { requestId: id, operation, input, summary: description.summary, subject: description.subject, createdAt: nowIso() };
      if (operation === RESOLUTION_OPERATION) {
        // Recorded on the server only (an audit row there): nothing to apply to the copy.
        await store.begin(entry);
        await store.commit(id, []);
        return { ok: true, value: { recorded: true } };
      }
      const before = store.maxIds(CREATED_OFFLINE_TABLES);
      await store.begin(entry);
      const answer = await local(operation, input, { requestId: id });
      if (answer.ok) {
        await store.commit(id, store.rowsAbove(before));
        return answer;
      }
      if (sent && !REFUSED_ANYWHERE.has(answer.error.code)) {
        await store.commit(id, []);
        return failure('UNAVAILABLE', UNSURE);
      }
      await store.abandon(id);
      return answer;
    });
  }

  async function offline(operation: OperationName, input: unknown, requestId: string | null | undefined, sent = false): Promise<ApiEnvelope<unknown>> {
    const policy = OFFLINE_OPERATIONS[operation];
    if (policy.offline === 'online-only') return failure('UNAVAILABLE', offlineRefusal(policy.reason));
    if (!(await hasCopy())) {
      return failure('UNAVAILABLE', `De districtsserver ${host} is niet bereikbaar en er is op deze computer nog geen kopie van de gegevens. Probeer het opnieuw als de verbinding terug is.`);
    }
    if (policy.offline === 'read') return local(operation, input, requestId ? { requestId } : {});
    const answer = await queue(operation, input, requestId, sent);
    return answer === 'online' ? handler(operation, input, requestId ? { requestId } : {}) : answer;
  }

  let pullScheduled = false;
  function schedulePull(): void {
    if (pullScheduled || closed) return;
    pullScheduled = true;
    void exclusive(async () => {
      pullScheduled = false;
      if (connection === 'online') await synchronise();
    }).catch((error: unknown) => log(`Bijwerken van de kopie mislukt: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** Whether operations go to the server: online, or signed out with nothing in the outbox (a write must never overtake queued ones). */
  const direct = () => signIn === 'signedIn' && (connection === 'online' || (connection === 'signed-out' && store.pendingCount() === 0));

  const handler: ApiHandler = async (operation, input, meta = {}) => {
    if (typeof operation !== 'string' || !isOperationName(operation)) return connected.handler(operation, input, meta);
    if (direct()) {
      const answer = await connected.handler(operation, input, meta);
      if (answer.ok || answer.error.code !== 'UNAVAILABLE') {
        if (answer.ok && connection === 'signed-out') connection = 'online';
        else if (!answer.ok && answer.error.code === 'UNAUTHORIZED') connection = 'signed-out';
        if (answer.ok && isWriteOperation(operation)) schedulePull();
        return answer;
      }
      // The server is gone (or its answer was lost): the same request id, queued, is answered once by the server later.
      await goOffline();
      // Without a request id the server could not tell a resend from a new action: never sent twice.
      if (isWriteOperation(operation) && !meta.requestId) return answer;
      return offline(operation, input, meta.requestId, isWriteOperation(operation));
    }
    return offline(operation, input, meta.requestId);
  };

  /** Conflicts whose choice is being carried out now. */
  const resolving = new Set<number>();

  const timers: NodeJS.Timeout[] = [];
  const intervals = options.intervals === undefined ? { probeMs: 5_000, pullMs: 15_000 } : options.intervals;
  const background = (work: () => Promise<void>) => () => {
    if (!syncing) void exclusive(work).catch((error: unknown) => log(`Synchronisatie mislukt: ${error instanceof Error ? error.message : String(error)}`));
  };
  if (intervals) {
    timers.push(setInterval(background(async () => (connection !== 'online' ? synchronise() : undefined)), intervals.probeMs).unref());
    timers.push(setInterval(background(async () => (connection === 'online' ? synchronise() : undefined)), intervals.pullMs).unref());
    // The first copy, or the outbox left from the last run, at once.
    background(synchronise)();
  }

  return {
    handler,
    async status() {
      const { copiedAt } = await localCopy.state();
      return {
        connection,
        signIn,
        offlineSince,
        dataAsOf: copiedAt,
        pending: store.pending().map(({ requestId, operation, summary, createdAt, subject }) => ({ requestId, operation, summary, createdAt, subject })),
        conflicts: store.openConflicts().map(({ id, requestId, operation, summary, reason, serverNow: now, createdAt, subject }) => ({ id, requestId, operation, summary, reason, serverNow: now, createdAt, subject })),
        syncing,
        firstCopy,
      };
    },
    syncNow: () => exclusive(synchronise),
    async resolveConflict(id, choice) {
      const conflict = store.conflict(id);
      if (!conflict || conflict.resolvedAt !== null) return { ok: false, message: 'Dit conflict is er niet (meer); vernieuw het scherm.' };
      // Two windows (or a double click that got through) choosing at once: one choice, never the action redone twice.
      if (resolving.has(id)) return { ok: false, message: 'Dit conflict wordt al afgehandeld (in een ander venster?); vernieuw het scherm.' };
      resolving.add(id);
      try {
        if (choice === 'redo') {
          // The same action again as a new one: to the server when online, into the outbox when not.
          const answer = await handler(conflict.operation, conflict.input, { requestId: newRequestId() });
          if (!answer.ok) return { ok: false, message: answer.error.message };
        }
        if (!(await store.resolve(id, choice, nowIso()))) return { ok: false, message: 'Dit conflict is al afgehandeld; vernieuw het scherm.' };
      } finally {
        resolving.delete(id);
      }
      const audit = await handler(
        RESOLUTION_OPERATION,
        { requestId: conflict.requestId, operation: conflict.operation, choice, summary: conflict.summary.slice(0, 300) },
        { requestId: newRequestId() },
      );
      if (!audit.ok) log(`De afhandeling van conflict ${id} is niet op de districtsserver vastgelegd: ${audit.error.message}`);
      return { ok: true };
    },
    async signedIn(signedInPerson) {
      const allowed = await exclusive(async () => {
        if (signIn === 'signedIn') return true;
        // Never one person's queued work under another's name: the outbox is the owner's.
        if (localPerson(signedInPerson).actor !== person.actor) return false;
        person = localPerson(signedInPerson);
        local = localCopy.localHandler(person);
        await localCopy.setOwner(signedInPerson);
        signIn = 'signedIn';
        // As after any time offline: the next synchronisation sends the outbox first.
        if (connection !== 'offline') connection = 'offline';
        return true;
      });
      if (allowed) await exclusive(synchronise);
      return allowed;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearInterval(timer);
      await exclusive(async () => undefined);
      store.close();
      await localCopy.close();
    },
  };
}
