/**
 * Coalesces message notifications so a busy shop is told, not shouted at:
 * - a short gathering delay spots bursts;
 * - at most one notification per conversation per `perConversationMs`; messages that
 *   arrive meanwhile are folded into the next one ("3 new messages");
 * - when more than `maxIndividual` conversations are due at once, a single summary
 *   ("12 new messages in 5 conversations"), at most one per `summaryCooldownMs`.
 * So a burst of any size produces a number of notifications bounded by its duration.
 */
import type { Translator } from '../../shared/i18n/translate';
import { compareMessagesByTime, type MessageView, type NotificationPrivacy } from '../../shared/inbox';
import type { DesktopNotification, Scheduler, Timer } from '../ports';
import { conversationNotification, summaryNotification, type ConversationNews } from './message-notification-text';

export interface MessageNotifierOptions {
  scheduler: Scheduler;
  deliver: (notification: DesktopNotification) => void;
  privacy: () => NotificationPrivacy;
  /** The contact's name/number at the moment of notifying (it may arrive after the message). */
  labelFor: (conversationId: string) => string;
  /** The app's language at the moment of notifying (Settings can switch it any time). */
  words: () => Translator;
  gatherMs?: number;
  perConversationMs?: number;
  maxIndividual?: number;
  summaryCooldownMs?: number;
}

export interface MessageNotifier {
  /** A new incoming message that passed the filters (not muted, not paused, not on screen); `count` it stands for. */
  offer(message: MessageView, count?: number): void;
  /** Forget pending messages of a conversation (the user opened it). */
  discard(conversationId: string): void;
  /** Forget everything pending (notifications paused). */
  clear(): void;
  stop(): void;
}

export function createMessageNotifier(options: MessageNotifierOptions): MessageNotifier {
  const { scheduler } = options;
  const gatherMs = options.gatherMs ?? 400;
  const perConversationMs = options.perConversationMs ?? 5_000;
  const maxIndividual = options.maxIndividual ?? 3;
  const summaryCooldownMs = options.summaryCooldownMs ?? 5_000;

  /** Only what a notification says (the newest and a count): a burst must not hold every message. */
  const pending = new Map<string, ConversationNews>();
  const lastNotifiedAt = new Map<string, number>();
  let lastSummaryAt = Number.NEGATIVE_INFINITY;
  let timer: Timer | null = null;
  let timerDueAt = Number.POSITIVE_INFINITY;
  let stopped = false;

  const schedule = (at: number) => {
    if (timer !== null && timerDueAt <= at) return;
    timer?.cancel();
    timerDueAt = at;
    timer = scheduler.setTimeout(flush, Math.max(0, at - scheduler.now()));
  };

  const flush = () => {
    timer = null;
    timerDueAt = Number.POSITIVE_INFINITY;
    const now = scheduler.now();
    const dueAt = (conversationId: string) =>
      (lastNotifiedAt.get(conversationId) ?? Number.NEGATIVE_INFINITY) + perConversationMs;
    const ready = [...pending.keys()].filter((id) => dueAt(id) <= now);

    if (ready.length > maxIndividual) {
      if (lastSummaryAt + summaryCooldownMs <= now) {
        let messages = 0;
        for (const [id, news] of pending) {
          messages += news.count;
          lastNotifiedAt.set(id, now);
        }
        options.deliver(summaryNotification(messages, pending.size, options.words()));
        lastSummaryAt = now;
        pending.clear();
      } else {
        schedule(lastSummaryAt + summaryCooldownMs);
        return;
      }
    } else {
      for (const id of ready) {
        const news = pending.get(id);
        pending.delete(id);
        lastNotifiedAt.set(id, now);
        if (news)
          options.deliver(conversationNotification(id, options.labelFor(id), news, options.privacy(), options.words()));
      }
    }
    if (pending.size > 0) schedule(Math.min(...[...pending.keys()].map(dueAt)));
  };

  return {
    offer(message, count = 1) {
      if (stopped) return;
      const news = pending.get(message.conversationId);
      if (news) {
        // A catch-up walks a gap newest page first: the preview is the newest, not the last offered.
        if (compareMessagesByTime(news.latest, message) <= 0) news.latest = message;
        news.count += count;
      } else pending.set(message.conversationId, { latest: message, count });
      schedule(scheduler.now() + gatherMs);
    },
    discard(conversationId) {
      pending.delete(conversationId);
    },
    clear() {
      pending.clear();
    },
    stop() {
      stopped = true;
      timer?.cancel();
      timer = null;
      pending.clear();
    },
  };
}
