/**
 * Who gets interrupted, and when: the notification settings (pause, privacy), the
 * view (is the user looking at the window, at which conversation), and the coalescing
 * of message notifications. The core hands every candidate notification to this.
 */
import type { Translator } from '../../shared/i18n/translate';
import type { ViewState } from '../../shared/bridge';
import type { MessageView, NotificationSettings } from '../../shared/inbox';
import type { Lifecycle } from '../lifecycle';
import type { DesktopNotification, Notifier, Scheduler } from '../ports';
import { createMessageNotifier } from './message-notifier';

export interface NotificationPolicyOptions {
  clock: Scheduler;
  notifier: Notifier;
  settings: () => NotificationSettings;
  isMuted: (conversationId: string) => boolean;
  /** The contact's name/number at the moment of notifying. */
  senderOf: (conversationId: string, words: Translator) => string;
  /** The app's language at the moment of notifying. */
  words: () => Translator;
  /** Nothing of a stopped core reaches the screen. */
  lifecycle: Lifecycle;
}

export interface NotificationPolicy {
  /** The user's view changed (focus, visibility, the conversation on screen). */
  setView(view: ViewState): void;
  /** The conversation on screen in a focused, visible window, if any. */
  conversationInFocus(): string | null;
  /** A new incoming message that is not on screen (`count`: the newest of that many). */
  messageArrived(message: MessageView, count?: number): void;
  /** Instance news (connected, disconnected) only interrupts someone who is not looking at the window. */
  instanceNews(notification: DesktopNotification): void;
  /** The user opened or muted a conversation: what is pending for it is no longer news. */
  forget(conversationId: string): void;
  /** The settings changed (pausing drops what is pending). */
  settingsChanged(): void;
}

export function createNotificationPolicy(options: NotificationPolicyOptions): NotificationPolicy {
  const { lifecycle } = options;
  let view: ViewState = { focused: true, visible: true, conversationId: null };
  const watching = () => view.focused && view.visible;

  const deliver = lifecycle.guard((notification: DesktopNotification) => {
    if (!options.settings().paused) options.notifier.notify(notification);
  });
  const coalescer = createMessageNotifier({
    scheduler: options.clock,
    deliver,
    privacy: () => options.settings().privacy,
    labelFor: (conversationId) => options.senderOf(conversationId, options.words()),
    words: options.words,
  });
  lifecycle.defer(() => coalescer.stop());

  return {
    setView(next) {
      view = next;
    },
    conversationInFocus: () => (watching() ? view.conversationId : null),
    messageArrived(message, count) {
      if (options.settings().paused || options.isMuted(message.conversationId)) return;
      coalescer.offer(message, count);
    },
    instanceNews(notification) {
      if (!watching()) deliver(notification);
    },
    forget(conversationId) {
      coalescer.discard(conversationId);
    },
    settingsChanged() {
      if (options.settings().paused) coalescer.clear();
    },
  };
}
