/**
 * What a message notification says, under the user's privacy setting, in the app's
 * language. Plain text, bounded, media as words.
 */
import type { Translator } from '../../shared/i18n/translate';
import type { MessageView, NotificationPrivacy } from '../../shared/inbox';
import { contactLabel, type ContactLabelSource } from '../../shared/contact-label';
import { unformatted } from '../../shared/message-format';
import { messagePreview, truncate } from '../../shared/message-text';
import type { DesktopNotification } from '../ports';

export const PREVIEW_MAX_CHARS = 120;
const TITLE_MAX_CHARS = 60;

/** Who a notification is from, short enough for a notification title. */
export function notificationSender(conversation: ContactLabelSource | null, words: Translator): string {
  return truncate(contactLabel(conversation, words), TITLE_MAX_CHARS);
}

/** A conversation's news since its last notification: the newest message and how many. */
export interface ConversationNews {
  latest: MessageView;
  count: number;
}

/** One conversation's new messages as one notification. */
export function conversationNotification(
  conversationId: string,
  label: string,
  { latest, count }: ConversationNews,
  privacy: NotificationPrivacy,
  words: Translator,
): DesktopNotification {
  const { t } = words;
  const countText = t('notification.newMessages', { count });
  if (privacy === 'none') return { title: t('app.name'), body: countText, conversationId };
  if (privacy === 'name')
    return { title: label, body: count === 1 ? t('notification.newMessage') : countText, conversationId };
  return {
    title: count === 1 ? label : t('notification.titleWithCount', { sender: label, count }),
    // Formatting marks are left out, as WhatsApp's own notifications do.
    body: messagePreview({ ...latest, content: unformatted(latest.content) }, words, PREVIEW_MAX_CHARS),
    conversationId,
  };
}

/** Many conversations at once: one calm line instead of a wall of pop-ups. */
export function summaryNotification(
  messageCount: number,
  conversationCount: number,
  words: Translator,
): DesktopNotification {
  return {
    title: words.t('app.name'),
    body: words.t('notification.summary', { messages: messageCount, conversations: conversationCount }),
  };
}
