/**
 * Bringing the inbox up to date over REST after a reconnect the server did not recover
 * (and on start): the conversation list first (so every row shows its new activity at
 * once), then the missed messages of every conversation that moved on, through the
 * catch-up. A failure is retried on its own (5 s, doubling to a minute): messages
 * missed while offline must not wait for the next disconnect to show up.
 */
import type { Logger, Scheduler, Timer } from '../ports';
import type { RestClient } from '../rest-client';
import type { CatchUp } from './catch-up';
import type { InboxStore } from './inbox-store';

/** Overlap between syncs, so clock differences with the server never lose a message. */
export const SYNC_OVERLAP_MS = 2 * 60_000;
export const SYNC_RETRY_MIN_MS = 5_000;
export const SYNC_RETRY_MAX_MS = 60_000;

export interface InboxSyncOptions {
  store: InboxStore;
  rest: Pick<RestClient, 'listConversations'>;
  catchUp: CatchUp;
  scheduler: Scheduler;
  logger: Logger;
  /** A failure in words for the user (and the sign-in prompt for a 401). */
  describeFailure(failure: unknown): string;
  /** Syncing started or ended, or its error changed. */
  onState(): void;
  /** The store changed. */
  onChanged(): void;
}

export function createInboxSync(options: InboxSyncOptions) {
  const { store, catchUp, scheduler, logger } = options;
  let syncing = false;
  let again = false;
  let error: string | null = null;
  let retryTimer: Timer | null = null;
  let retryDelayMs = 0;
  let stopped = false;

  const iso = (ms: number) => new Date(ms).toISOString();

  /**
   * What the app knew of each conversation when a sync was asked for (on connect, before
   * any event of the new connection): the edge of what it may have missed. Taken at the
   * request, not when the sync gets to run — live messages arriving meanwhile would move
   * the edge past the gap. Several requests keep the oldest edge.
   */
  let pendingEdges: Map<string, string> | null = null;

  const captureEdges = () => {
    pendingEdges ??= new Map();
    for (const row of store.conversations()) {
      if (!pendingEdges.has(row.id)) pendingEdges.set(row.id, row.lastMessageAt);
    }
  };

  /** (A sync asked for while this one runs may have taken an older edge.) */
  const raisePendingEdge = (conversationId: string, at: string) => {
    const pending = pendingEdges?.get(conversationId);
    if (pending !== undefined && pending < at) pendingEdges?.set(conversationId, at);
  };

  const syncOnce = async () => {
    const startedAt = scheduler.now();
    const previous = store.lastSyncAt();
    const since = previous ? iso(Date.parse(previous) - SYNC_OVERLAP_MS) : undefined;
    // Rows that appeared since the request (listed by the previous sync) are edged as they are now.
    captureEdges();
    const edges = pendingEdges ?? new Map<string, string>();
    pendingEdges = null;
    let dtos;
    try {
      dtos = await options.rest.listConversations(since);
    } catch (failure) {
      // Nothing was opened: the retry starts from these same edges.
      for (const [id, edge] of edges) if (!pendingEdges?.has(id)) (pendingEdges ??= new Map()).set(id, edge);
      throw failure;
    }
    for (const dto of dtos) {
      if (store.table.isUnlisted(dto.id)) {
        // Known only from live events: the server's count is taken for it (conversation-table.ts),
        // which covers everything up to its listed time — an edge taken earlier must not count those again.
        raisePendingEdge(dto.id, dto.lastMessageAt);
        continue;
      }
      const known = edges.get(dto.id);
      if (known !== undefined && dto.lastMessageAt > known) {
        const atEdge = store.messages(dto.id).filter((m) => m.timestamp === known);
        store.missed.open(dto.id, known, atEdge.length > 0 ? atEdge.map((m) => m.id) : null);
      }
    }
    store.table.merge(dtos);
    // The gaps are in the (saved) ledger now: a later sync may start from here.
    store.setLastSyncAt(iso(startedAt));
    options.onChanged();
    await catchUp.run();
  };

  const clearRetry = () => {
    retryTimer?.cancel();
    retryTimer = null;
  };

  const sync = async (): Promise<void> => {
    captureEdges();
    if (syncing) {
      again = true;
      return;
    }
    clearRetry();
    syncing = true;
    options.onState();
    try {
      do {
        again = false;
        try {
          await syncOnce();
          error = null;
          retryDelayMs = 0;
        } catch (failure) {
          error = `Could not update the inbox. ${options.describeFailure(failure)}`;
          logger.warn(error);
        }
      } while (again && !stopped);
    } finally {
      syncing = false;
      options.onState();
      options.onChanged();
    }
    if (error && !stopped) {
      retryDelayMs = Math.min(SYNC_RETRY_MAX_MS, retryDelayMs ? retryDelayMs * 2 : SYNC_RETRY_MIN_MS);
      retryTimer = scheduler.setTimeout(() => {
        retryTimer = null;
        void sync();
      }, retryDelayMs);
    }
  };

  return {
    sync,
    get syncing() {
      return syncing;
    },
    get error() {
      return error;
    },
    stop() {
      stopped = true;
      clearRetry();
      catchUp.stop();
    },
  };
}
