/**
 * Where a clicked notification takes the user: a message opens its conversation; a
 * number that dropped (or connected) opens that number's page, where it can be linked again.
 */
import type { PushMessage } from '../app-core';
import type { DesktopNotification } from '../ports';

export function pushForClickedNotification(notification: DesktopNotification): PushMessage | null {
  if (notification.conversationId) {
    return { channel: 'ui:open-conversation', payload: { conversationId: notification.conversationId } };
  }
  if (notification.instanceId) return { channel: 'ui:open-instance', payload: { instanceId: notification.instanceId } };
  return null;
}
