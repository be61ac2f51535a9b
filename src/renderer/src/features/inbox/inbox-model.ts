/**
 * The renderer's copy of the inbox, fed by main's deltas. Pure functions, so the
 * merge rules (dedupe by id, newest first, stable order) are unit-testable.
 */
import {
  compareMessagesByTime,
  type ConversationView,
  type ConversationsDelta,
  type MessageView,
  type MessagesDelta,
} from '../../../../shared/inbox';

/**
 * The list as the renderer keeps it: by id, and already in list order. A delta moves only
 * the rows it names (O(n + k log k)), so a message in an inbox of 10,000 conversations
 * does not re-sort all of them.
 */
export interface ConversationRows {
  byId: ReadonlyMap<string, ConversationView>;
  sorted: ConversationView[];
}

export const NO_CONVERSATIONS: ConversationRows = { byId: new Map(), sorted: [] };

/** Newest first; the id breaks ties, so the order is the same on every render. */
function compareConversations(a: ConversationView, b: ConversationView): number {
  if (a.lastMessageAt !== b.lastMessageAt) return a.lastMessageAt < b.lastMessageAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortConversations(rows: Iterable<ConversationView>): ConversationView[] {
  return [...rows].sort(compareConversations);
}

export function applyConversationsDelta(current: ConversationRows, delta: ConversationsDelta): ConversationRows {
  if (delta.reset) {
    const byId = new Map(delta.upserts.map((row) => [row.id, row]));
    return { byId, sorted: sortConversations(byId.values()) };
  }
  const byId = new Map(current.byId);
  const touched = new Set<string>();
  for (const id of delta.removedIds) if (byId.delete(id)) touched.add(id);
  for (const row of delta.upserts) {
    byId.set(row.id, row);
    touched.add(row.id);
  }
  if (touched.size === 0) return current;
  const kept = current.sorted.filter((row) => !touched.has(row.id));
  const moved = sortConversations([...touched].flatMap((id) => byId.get(id) ?? []));
  return { byId, sorted: mergeSorted(kept, moved) };
}

function mergeSorted(a: readonly ConversationView[], b: readonly ConversationView[]): ConversationView[] {
  const out: ConversationView[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i] as ConversationView;
    const right = b[j] as ConversationView;
    if (compareConversations(left, right) <= 0) {
      out.push(left);
      i++;
    } else {
      out.push(right);
      j++;
    }
  }
  for (; i < a.length; i++) out.push(a[i] as ConversationView);
  for (; j < b.length; j++) out.push(b[j] as ConversationView);
  return out;
}

/** Case- and accent-insensitive match on name, phone and last message text. */
export function matchesSearch(row: ConversationView, query: string): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  const digits = q.replace(/\D/g, '');
  return (
    fold(row.contactName ?? '').includes(q) ||
    fold(row.lastMessagePreview ?? '').includes(q) ||
    (digits.length > 0 && (row.contactPhone ?? '').includes(digits))
  );
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Applies a delta to a thread (oldest first); duplicates by id are impossible by construction. */
export function applyMessagesDelta(current: MessageView[], delta: MessagesDelta): MessageView[] {
  if (delta.upserts.length === 0 && delta.removedIds.length === 0) return current;
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const id of delta.removedIds) byId.delete(id);
  for (const message of delta.upserts) byId.set(message.id, message);
  return [...byId.values()].sort(compareMessagesByTime);
}

const DAY_MS = 86_400_000;

/** Calendar days between two instants in local time (0 = same day). */
function daysBetween(earlier: Date, later: Date): number {
  const start = new Date(earlier.getFullYear(), earlier.getMonth(), earlier.getDate());
  const end = new Date(later.getFullYear(), later.getMonth(), later.getDate());
  return Math.round((end.getTime() - start.getTime()) / DAY_MS);
}

const capitalised = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/** "14:05" today, "Yesterday"/"Ontem", the weekday within the last week, else the locale's short date. */
export function formatListTime(iso: string, nowMs: number, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const days = daysBetween(date, new Date(nowMs));
  if (days <= 0) return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (days === 1) {
    return capitalised(new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-1, 'day'), locale);
  }
  if (days < 7) return capitalised(date.toLocaleDateString(locale, { weekday: 'long' }), locale);
  return date.toLocaleDateString(locale, { day: '2-digit', month: '2-digit', year: '2-digit' });
}

/** Media links open only for web addresses; anything else (javascript:, file:) is shown as text. */
export function safeMediaUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
