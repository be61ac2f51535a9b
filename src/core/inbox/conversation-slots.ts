/**
 * A chat's row (conversation-table) and its thread (thread-shelf) kept in one slot, found
 * with one lookup. They share the table because a live message touches both, and with a
 * thousand chats taking turns every table keyed by the chat's id is one more lookup that
 * misses the CPU's caches. Fields are set, never cleared: a chat's row and thread last as
 * long as the inbox.
 */
import type { ConversationRecord } from './conversation-table';
import type { Thread } from './thread';

export interface ConversationSlot {
  row: ConversationRecord | undefined;
  thread: Thread | undefined;
}

export type ConversationSlots = Map<string, ConversationSlot>;

export const createConversationSlots = (): ConversationSlots => new Map();

/** The chat's slot, made empty if it has none. */
export function slotOf(slots: ConversationSlots, id: string): ConversationSlot {
  let slot = slots.get(id);
  if (!slot) {
    // Both fields from the start: every slot has one shape, so reading one stays fast.
    slot = { row: undefined, thread: undefined };
    slots.set(id, slot);
  }
  return slot;
}
