/**
 * Which conversations are muted, and until when. A timed mute stays listed until
 * expire() drops it (its row then changes); isMuted() already ignores one whose end passed.
 */
import { stillOn } from '../../shared/quiet-time';

/** A mute's end (epoch ms), null for a mute until undone. */
export type MuteEnd = number | null;

export function createConversationMutes(touch: (conversationId: string) => void) {
  const mutes = new Map<string, MuteEnd>();
  return {
    /** The mute's end; undefined when not muted. */
    get: (id: string): MuteEnd | undefined => mutes.get(id),
    isMuted(id: string, now: number): boolean {
      const end = mutes.get(id);
      return end !== undefined && stillOn(end, now);
    },
    ids: () => [...mutes.keys()],
    /** The ends of timed mutes, by conversation id, for saving. */
    ends: (): Record<string, number> =>
      Object.fromEntries([...mutes].filter((entry): entry is [string, number] => entry[1] !== null)),
    /** The soonest end of a timed mute, or null. */
    nextEnd(): number | null {
      let next: number | null = null;
      for (const end of mutes.values()) if (end !== null && (next === null || end < next)) next = end;
      return next;
    },
    /** Drops the mutes that ended by `now`; true when one did. */
    expire(now: number): boolean {
      let changed = false;
      for (const [id, end] of mutes) {
        if (stillOn(end, now)) continue;
        mutes.delete(id);
        touch(id);
        changed = true;
      }
      return changed;
    },
    set(id: string, muted: boolean, until: MuteEnd = null): void {
      if (muted) mutes.set(id, until);
      else mutes.delete(id);
      touch(id);
    },
    restore(ids: string[], ends: Record<string, number>): void {
      for (const id of ids) mutes.set(id, ends[id] ?? null);
    },
  };
}
