/**
 * When the server's unread count is taken instead of the app's own.
 *
 * The REST contract has no "mark read" call, so the app counts unread itself — except
 * the first time the server lists a conversation: new to the app, or known so far only
 * from live events, some of which may have been lost (a chat's first message can arrive
 * while the app is cut off). Then the server's count is the truth up to the listed
 * instant, plus what the app counted live after it; live events of messages that count
 * already includes (still on their way) are not counted again.
 */
import type { ConversationDto } from '../../shared/rest';

export function createServerCounts() {
  /** Per conversation: the server's count covers its messages up to this instant. */
  const countedUntil = new Map<string, string>();
  /** Rows made from live events, not listed yet, with the times of the messages counted meanwhile. */
  const unlisted = new Map<string, string[]>();
  /** …of which the user read: the server's count would undo the reading. */
  const readWhileUnlisted = new Set<string>();

  return {
    isUnlisted: (conversationId: string) => unlisted.has(conversationId),

    /** Whether listing this row made from live events now takes the server's count (as `listed` decides). */
    takesCount: (dto: ConversationDto): boolean =>
      unlisted.has(dto.id) && dto.unreadCount !== undefined && !readWhileUnlisted.has(dto.id),

    /** A row was made from a live event. */
    createdLive(conversationId: string): void {
      unlisted.set(conversationId, []);
    },

    /** Whether a live message still needs counting (and notes it if the row is unlisted). */
    countsLive(conversationId: string, timestamp: string): boolean {
      const until = countedUntil.get(conversationId);
      if (until !== undefined && timestamp <= until) return false;
      unlisted.get(conversationId)?.push(timestamp);
      return true;
    },

    read(conversationId: string): void {
      if (unlisted.has(conversationId)) readWhileUnlisted.add(conversationId);
    },

    /**
     * The server listed this conversation. Returns the unread count to take for it, or
     * null to keep the app's own (listed before, read meanwhile, or no count given).
     */
    listed(dto: ConversationDto, isNew: boolean): number | null {
      const countedLive = unlisted.get(dto.id);
      if (!isNew && countedLive === undefined) return null;
      countedUntil.set(dto.id, dto.lastMessageAt);
      const readMeanwhile = readWhileUnlisted.has(dto.id);
      unlisted.delete(dto.id);
      readWhileUnlisted.delete(dto.id);
      if (dto.unreadCount === undefined || readMeanwhile) return isNew ? (dto.unreadCount ?? 0) : null;
      return dto.unreadCount + (countedLive ?? []).filter((at) => at > dto.lastMessageAt).length;
    },
  };
}
