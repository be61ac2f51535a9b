/**
 * The renderer's copy of the inbox, fed by main's deltas. Pure functions, so the
 * merge rules (dedupe by id, newest first, stable order) are unit-testable.
 */
import { clockTimeOptions } from '../../../../shared/clock-time';
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
  return { byId, sorted: mergeSorted(kept, moved, compareConversations) };
}

/** Two lists each in `compare` order, as one; on ties `a` (what was there) comes first. */
function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i] as T;
    const right = b[j] as T;
    if (compare(left, right) <= 0) {
      out.push(left);
      i++;
    } else {
      out.push(right);
      j++;
    }
  }
  for (; i < a.length; i++) out.push(a[i] as T);
  for (; j < b.length; j++) out.push(b[j] as T);
  return out;
}

/** A query made only of what people type in a phone number: "+55 (11) 98765-4321". */
const PHONE_QUERY = /^[\d\s+().-]+$/;
/** One word of a query that is a number ("98765-4321"), as typed in a phone. */
const NUMBER_TERM = /^[\d().+-]+$/;
/**
 * Within words, a number this long is a piece of a phone; a shorter one is text ("pedido 2",
 * "Cliente 09") and is looked for in the name and the message only.
 */
const PHONE_PIECE_DIGITS = 4;

/**
 * Case- and accent-insensitive match on name, phone and last message text. A query of
 * several words matches a chat where each word is found: "Camila 9876" is Camila's chat
 * whose number has 9876, not every chat whose number has those digits. The query is read
 * once, then tried on every row (a keystroke filters 10,000 of them).
 */
export function searchMatcher(query: string): (row: ConversationView) => boolean {
  const q = fold(query.trim());
  if (!q) return () => true;
  // A number as typed, spaces and all.
  const wholeNumber = PHONE_QUERY.test(q) ? q.replace(/\D/g, '') : '';
  const terms = q.split(/\s+/).map((term) => {
    const digits = NUMBER_TERM.test(term) ? term.replace(/\D/g, '') : '';
    return { term, phonePiece: digits.length >= PHONE_PIECE_DIGITS ? digits : null };
  });
  return (row) => {
    const phone = row.contactPhone ?? '';
    if (wholeNumber && phone.includes(wholeNumber)) return true;
    const name = fold(row.contactName ?? '');
    const preview = fold(row.lastMessagePreview ?? '');
    if (name.includes(q) || preview.includes(q)) return true;
    return terms.every(
      ({ term, phonePiece }) =>
        name.includes(term) || preview.includes(term) || (phonePiece !== null && phone.includes(phonePiece)),
    );
  };
}

/** One row against one query (searchMatcher, for a single check). */
export const matchesSearch = (row: ConversationView, query: string): boolean => searchMatcher(query)(row);

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * Applies a delta to a thread (oldest first) without sorting it again: O(n + k log k), so
 * a page of 50 older messages (or one new message) does not re-sort a 5,000-message thread.
 * Duplicates by id are impossible by construction.
 */
export function applyMessagesDelta(
  current: MessageView[],
  delta: Pick<MessagesDelta, 'upserts' | 'removedIds'>,
): MessageView[] {
  if (delta.upserts.length === 0 && delta.removedIds.length === 0) return current;
  const gone = new Set(delta.removedIds);
  const incoming = new Map(delta.upserts.map((m) => [m.id, m]));
  const kept: MessageView[] = [];
  for (const message of current) {
    if (gone.has(message.id)) continue;
    const update = incoming.get(message.id);
    if (!update) kept.push(message);
    else if (update.timestamp === message.timestamp) {
      // Same time, same place (a status change); one whose time moved is placed again below.
      kept.push(update);
      incoming.delete(message.id);
    }
  }
  if (incoming.size === 0) return kept;
  return mergeSorted(kept, [...incoming.values()].sort(compareMessagesByTime), compareMessagesByTime);
}

/**
 * Formatters made once per locale: `toLocaleTimeString(locale, options)` builds a new
 * Intl.DateTimeFormat on every call, which made each row (and each bubble) that scrolls
 * into view cost a formatter.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const SHORT_DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };

function formatter(locale: string | undefined, kind: 'time' | 'date'): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${kind}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, kind === 'time' ? clockTimeOptions(locale) : SHORT_DATE);
    formatters.set(key, found);
  }
  return found;
}

/** "14:05": a message's time of day. */
export function formatTimeOfDay(iso: string, locale?: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatter(locale, 'time').format(date);
}

const DAY_MS = 86_400_000;

/** Calendar days between two instants in local time (0 = same day). */
function daysBetween(earlier: Date, later: Date): number {
  const start = new Date(earlier.getFullYear(), earlier.getMonth(), earlier.getDate());
  const end = new Date(later.getFullYear(), later.getMonth(), later.getDate());
  return Math.round((end.getTime() - start.getTime()) / DAY_MS);
}

const capitalised = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/**
 * "14:05" today, "Yesterday"/"Ontem", the weekday within the last week, else the locale's
 * short date — as is a day still to come (a sender's clock set ahead), which a bare time
 * would pass off as today.
 */
export function formatListTime(iso: string, nowMs: number, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const days = daysBetween(date, new Date(nowMs));
  if (days === 0) return formatter(locale, 'time').format(date);
  if (days < 0) return formatter(locale, 'date').format(date);
  if (days === 1) {
    return capitalised(new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-1, 'day'), locale);
  }
  if (days < 7) return capitalised(date.toLocaleDateString(locale, { weekday: 'long' }), locale);
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

/**
 * An older page joined to the thread shown: `start` is the thread's beginning in main's
 * order (which keeps same-second messages right), through the last message the page added;
 * everything else the window has comes after it.
 */
export function joinThreadStart(current: readonly MessageView[], start: readonly MessageView[]): MessageView[] {
  if (start.length === 0) return current as MessageView[];
  const ids = new Set(start.map((m) => m.id));
  return [...start, ...current.filter((m) => !ids.has(m.id))];
}
