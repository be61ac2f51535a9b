/**
 * Bringing the inbox up to date over REST after a reconnect the server did not recover
 * (and on start): the conversation list first (so every row shows its new activity at
 * once), then the missed messages of every conversation that moved on, through the
 * catch-up. A failure is retried on its own (5 s, doubling to a minute): messages
 * missed while offline must not wait for the next disconnect to show up.
 */
import type { Logger, Scheduler, Timer } from '../ports';
import { nextRetryDelay } from '../retry-delay';
import type { ConversationDto } from '../../shared/rest';
import type { MessageView } from '../../shared/inbox';
import type { RestClient } from '../rest-client';
import type { CatchUp } from './catch-up';
import { messageFromDto, type InboxStore } from './inbox-store';
import { isUnsent } from './thread';
import { text, type UserText } from '../../shared/i18n/user-text';
import { describeError } from '../../shared/errors';

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
  describeFailure(failure: unknown): UserText;
  /** Syncing started or ended, or its error changed. */
  onState(): void;
  /** The store changed. */
  onChanged(): void;
  /** News for a notification: the newest message of a chat, standing for `count` unread ones. */
  onNewIncoming(message: MessageView, count: number): void;
}

/**
 * What the app knew of each conversation (its last activity) when a sync was asked for —
 * on connect, before any event of the new connection: the edge of what it may have
 * missed. Taken at the request, not when the sync gets to run, since live messages
 * arriving meanwhile would move the edge past the gap. Several requests keep the oldest.
 */
function createSyncEdges(store: InboxStore) {
  let pending = new Map<string, string>();
  const capture = () => {
    for (const [id, lastMessageAt] of store.table.lastActivity()) if (!pending.has(id)) pending.set(id, lastMessageAt);
  };
  return {
    capture,
    /** The edges for the sync starting now (rows that appeared since the request: as they are now). */
    take(): Map<string, string> {
      capture();
      const taken = pending;
      pending = new Map();
      return taken;
    },
    giveBack(taken: Map<string, string>) {
      for (const [id, edge] of taken) if (!pending.has(id) || (pending.get(id) ?? '') > edge) pending.set(id, edge);
    },
    /** The server's count now covers this conversation up to `at`: a pending edge must not count those again. */
    raise(conversationId: string, at: string) {
      const edge = pending.get(conversationId);
      if (edge !== undefined && edge < at) pending.set(conversationId, at);
    },
  };
}

/**
 * A chat that began while the app could not hear, as news: the listing's preview stands for
 * its newest message, the server's count for how many.
 */
function announceNewChat(
  store: InboxStore,
  dto: ConversationDto,
  onNewIncoming: InboxSyncOptions['onNewIncoming'],
): void {
  const unread = store.conversation(dto.id)?.unreadCount ?? 0;
  if (unread === 0) return;
  const newest = messageFromDto(dto.id, {
    id: `listed:${dto.id}`,
    content: dto.lastMessagePreview ?? '',
    contentType: 'text',
    direction: 'incoming',
    timestamp: dto.lastMessageAt,
  });
  onNewIncoming(newest, unread);
}

/**
 * What the listing asks for: what changed since the last sync (with an overlap for clock
 * differences), and far enough back to list every chat known only from a live message — a
 * phone back online delivers messages minutes or hours old, and such a chat would never be
 * listed (no name, no number, not found by search) until it wrote again.
 */
function listingSince(store: InboxStore, previous: string | null): string | undefined {
  if (!previous) return undefined;
  let since = Date.parse(previous);
  for (const [id, lastMessageAt] of store.table.lastActivity()) {
    const at = Date.parse(lastMessageAt);
    // An unreadable time (a damaged saved row) must not make every sync throw: it is left out.
    if (store.table.isUnlisted(id) && Number.isFinite(at)) since = Math.min(since, at);
  }
  return Number.isFinite(since) ? new Date(since - SYNC_OVERLAP_MS).toISOString() : undefined;
}

export function createInboxSync(options: InboxSyncOptions) {
  const { store, catchUp, scheduler, logger } = options;
  let syncing = false;
  let again = false;
  let error: UserText | null = null;
  let retryTimer: Timer | null = null;
  let retryDelayMs = 0;
  let stopped = false;

  const iso = (ms: number) => new Date(ms).toISOString();

  const edges = createSyncEdges(store);

  /** The listed conversation moved on past what the app knew at `edge`: what lies between may be missing. */
  const openRange = (dto: ConversationDto, edge: string, countedByServer: boolean) => {
    const held = store.messages(dto.id);
    const atEdge = held.filter((m) => m.timestamp === edge);
    // What came live between the edge and this list was counted then: the walk must not count it again.
    const cameLive = held.filter((m) => !isUnsent(m) && m.timestamp > edge && m.timestamp <= dto.lastMessageAt);
    store.missed.open(
      dto.id,
      {
        after: edge,
        knownAtAfter: atEdge.length > 0 ? atEdge.map((m) => m.id) : null,
        until: dto.lastMessageAt,
        ...(countedByServer ? { countedUntil: dto.lastMessageAt } : {}),
      },
      cameLive.map((m) => m.id),
    );
  };

  const syncOnce = async () => {
    const startedAt = scheduler.now();
    const previous = store.lastSyncAt();
    const since = listingSince(store, previous);
    const known = edges.take();
    let dtos;
    try {
      dtos = await options.rest.listConversations(since);
    } catch (failure) {
      edges.giveBack(known); // nothing was opened: the retry starts from these same edges
      throw failure;
    }
    for (const dto of dtos) {
      // Known only from live events: this first listing settles its count up to the listed time
      // (server-counts.ts) — a pending edge must not count those again.
      if (store.table.isUnlisted(dto.id)) edges.raise(dto.id, dto.lastMessageAt);
      const edge = known.get(dto.id);
      // Such a chat's thread may lack what arrived while the app could not hear too: its range is
      // walked all the same (no hole may stay), counting nothing the server's count includes.
      if (edge !== undefined && dto.lastMessageAt > edge) openRange(dto, edge, store.table.takesServerCount(dto));
    }
    // A chat that began while the app could not hear has no gap to walk (the server's count
    // covers it): it is news all the same. Not on the first sync: that is the whole inbox.
    // (No time test: the listing is of what changed since the last sync, and every row is kept.)
    const begun = previous === null ? [] : dtos.filter((dto) => !store.has(dto.id));
    store.table.merge(dtos);
    for (const dto of begun) announceNewChat(store, dto, options.onNewIncoming);
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
    edges.capture();
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
          error = text('inbox.syncFailed', { reason: options.describeFailure(failure) });
          logger.warn(`could not update the inbox: ${describeError(failure)}`);
        }
      } while (again && !stopped);
    } finally {
      syncing = false;
      options.onState();
      options.onChanged();
    }
    if (error && !stopped) {
      retryDelayMs = nextRetryDelay(retryDelayMs, { minMs: SYNC_RETRY_MIN_MS, maxMs: SYNC_RETRY_MAX_MS });
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
