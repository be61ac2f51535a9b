/**
 * What a message notification says, under the user's privacy setting. Plain text,
 * bounded, media as words.
 */
import { visibleName } from '../../shared/display-name';
import type { MessageView, NotificationPrivacy } from '../../shared/inbox';
import { messagePreview, truncate } from '../../shared/message-text';
import { formatPhoneNumber } from '../../shared/phone';
import type { DesktopNotification } from '../ports';

export const PREVIEW_MAX_CHARS = 120;

export interface ContactLabelSource {
  contactName: string | null;
  contactPhone: string | null;
}

export function contactLabel(conversation: ContactLabelSource | null): string {
  // No invisible look-alike tricks in a notification either ("Ma\u200Bria" is not "Maria").
  const name = conversation?.contactName ? visibleName(conversation.contactName) : '';
  if (name) return truncate(name, 60);
  if (conversation?.contactPhone) return formatPhoneNumber(conversation.contactPhone);
  return 'Unknown contact';
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
