/**
 * What a message notification says, under the user's privacy setting. Plain text,
 * bounded, media as words.
 */
import type { MessageView, NotificationPrivacy } from '../../shared/inbox';
import { contactLabel, type ContactLabelSource } from '../../shared/contact-label';
import { messagePreview, truncate } from '../../shared/message-text';
import type { DesktopNotification } from '../ports';

export const PREVIEW_MAX_CHARS = 120;
const TITLE_MAX_CHARS = 60;

/** Who a notification is from, short enough for a notification title. */
export function notificationSender(conversation: ContactLabelSource | null): string {
  return truncate(contactLabel(conversation), TITLE_MAX_CHARS);
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** One conversation's new messages (oldest first) as one notification. */
export function conversationNotification(
  conversationId: string,
  label: string,
  messages: MessageView[],
  privacy: NotificationPrivacy,
): DesktopNotification {
  const latest = messages[messages.length - 1];
  const count = messages.length;
  const countText = plural(count, 'new message', 'new messages');
  if (privacy === 'none') return { title: 'AuZap', body: countText, conversationId };
  if (privacy === 'name' || !latest)
    return { title: label, body: count === 1 ? 'New message' : countText, conversationId };
  return {
    title: count === 1 ? label : `${label} (${countText})`,
    body: messagePreview(latest, PREVIEW_MAX_CHARS),
    conversationId,
  };
}

/** Many conversations at once: one calm line instead of a wall of pop-ups. */
export function summaryNotification(messageCount: number, conversationCount: number): DesktopNotification {
  return {
    title: 'AuZap',
    body: `${plural(messageCount, 'new message', 'new messages')} in ${plural(conversationCount, 'conversation', 'conversations')}`,
  };
}
