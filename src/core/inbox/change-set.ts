/**
 * What changed in the inbox since the last push, so a push carries only those rows and
 * messages instead of 10,000 conversations.
 *
 * Message changes are recorded only for the threads a window follows: the others are
 * never pushed message by message (opening one returns its whole page), and a burst
 * over a thousand chats must not build a thousand entries per push for nothing.
 */
export interface InboxChanges {
  /** 'all' after a bulk replace; otherwise the ids whose rows changed. */
  conversations: Set<string> | 'all';
  messages: Map<string, { upserts: Set<string>; removed: Set<string> }>;
}

export interface ChangeSet {
  conversation(id: string): void;
  message(conversationId: string, id: string): void;
  removedMessage(conversationId: string, id: string): void;
  /** Everything changed (a bulk import): the next push is a full list. */
  everything(): void;
  take(): InboxChanges;
}

export function createChangeSet(follows: (conversationId: string) => boolean): ChangeSet {
  let changes: InboxChanges = { conversations: new Set(), messages: new Map() };

  const entryFor = (conversationId: string) => {
    let entry = changes.messages.get(conversationId);
    if (!entry) {
      entry = { upserts: new Set(), removed: new Set() };
      changes.messages.set(conversationId, entry);
    }
    return entry;
  };

  return {
    conversation(id) {
      if (changes.conversations !== 'all') changes.conversations.add(id);
    },
    message(conversationId, id) {
      if (!follows(conversationId)) return;
      const entry = entryFor(conversationId);
      entry.upserts.add(id);
      entry.removed.delete(id);
    },
    removedMessage(conversationId, id) {
      if (!follows(conversationId)) return;
      const entry = entryFor(conversationId);
      entry.removed.add(id);
      entry.upserts.delete(id);
    },
    everything() {
      changes = { conversations: 'all', messages: new Map() };
    },
    take() {
      const taken = changes;
      changes = { conversations: new Set(), messages: new Map() };
      return taken;
    },
  };
}
