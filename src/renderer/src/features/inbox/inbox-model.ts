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

/** Main sends whole lists already in order: checking that is O(n), sorting again is not. */
function inListOrder(rows: readonly ConversationView[]): boolean {
  for (let i = 1; i < rows.length; i++) {
    if (compareConversations(rows[i - 1] as ConversationView, rows[i] as ConversationView) > 0) return false;
  }
  return true;
}

export function applyConversationsDelta(current: ConversationRows, delta: ConversationsDelta): ConversationRows {
  if (delta.reset) {
    const byId = new Map(delta.upserts.map((row) => [row.id, row]));
    const sorted =
      byId.size === delta.upserts.length && inListOrder(delta.upserts)
        ? [...delta.upserts]
        : sortConversations(byId.values());
    return { byId, sorted };
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

/**
 * Formatters made once per locale: `toLocaleTimeString(locale, options)` builds a new
 * Intl.DateTimeFormat on every call, which made each row (and each bubble) that scrolls
 * into view cost a formatter.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const SHORT_TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const SHORT_DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: '2-digit' };

function formatter(locale: string | undefined, kind: 'time' | 'date'): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${kind}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, kind === 'time' ? SHORT_TIME : SHORT_DATE);
    formatters.set(key, found);
  }
  return found;
}

/** "14:05": a message's time of day. */
export function formatTimeOfDay(iso: string, locale?: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatter(locale, 'time').format(date);
}

/** "14:05" today, "Yesterday", else a short date. */
export function formatListTime(iso: string, nowMs: number, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const now = new Date(nowMs);
  const sameDay = date.toDateString() === now.toDateString();
  if (sameDay) return formatter(locale, 'time').format(date);
  const yesterday = new Date(nowMs - 86_400_000);
  if (date.toDateString() === yesterday.toDateString()) return 'Yesterday';
  return formatter(locale, 'date').format(date);
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
