/**
 * The renderer's copy of the inbox, fed by main's deltas. Pure functions, so the
 * merge rules (dedupe by id, newest first, stable order) are unit-testable.
 */
import type { ConversationView, ConversationsDelta, MessageView, MessagesDelta } from '../../../../shared/inbox';
import { visibleName } from '../../../../shared/display-name';
import { formatPhoneNumber } from '../../../../shared/phone';

export function applyConversationsDelta(
  current: Map<string, ConversationView>,
  delta: ConversationsDelta,
): Map<string, ConversationView> {
  const next = delta.reset ? new Map<string, ConversationView>() : new Map(current);
  for (const id of delta.removedIds) next.delete(id);
  for (const row of delta.upserts) next.set(row.id, row);
  return next;
}

export function sortConversations(rows: Iterable<ConversationView>): ConversationView[] {
  return [...rows].sort((a, b) =>
    a.lastMessageAt < b.lastMessageAt ? 1 : a.lastMessageAt > b.lastMessageAt ? -1 : a.id < b.id ? -1 : 1,
  );
}

/** The contact's name as it may be shown (no invisible look-alike tricks), else the number. */
export function conversationTitle(row: Pick<ConversationView, 'contactName' | 'contactPhone'>): string {
  const name = row.contactName ? visibleName(row.contactName) : '';
  if (name) return name;
  if (row.contactPhone) return formatPhoneNumber(row.contactPhone);
  return 'Unknown contact';
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

/** Time order; Array.sort is stable, so messages of the same instant keep main's order. */
const compareMessages = (a: MessageView, b: MessageView) =>
  a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0;

/** Applies a delta to a thread (oldest first); duplicates by id are impossible by construction. */
export function applyMessagesDelta(current: MessageView[], delta: MessagesDelta): MessageView[] {
  if (delta.upserts.length === 0 && delta.removedIds.length === 0) return current;
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const id of delta.removedIds) byId.delete(id);
  for (const message of delta.upserts) byId.set(message.id, message);
  return [...byId.values()].sort(compareMessages);
}

/** "14:05" today, "Yesterday", else a short date. */
export function formatListTime(iso: string, nowMs: number, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const now = new Date(nowMs);
  const sameDay = date.toDateString() === now.toDateString();
  if (sameDay) return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const yesterday = new Date(nowMs - 86_400_000);
  if (date.toDateString() === yesterday.toDateString()) return 'Yesterday';
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
