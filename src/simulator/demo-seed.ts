/**
 * Demo data for one organization: two WhatsApp numbers (one linked, one not, so both the
 * inbox and the connect flow can be shown) and a handful of chats of different ages,
 * some with unread messages and media.
 */
import { randomInt } from 'node:crypto';
import { generateBrazilianPhoneNumber, generateMessageId } from './baileys-like';
import {
  generateMediaUrl,
  pick,
  randomCaption,
  randomContactName,
  randomIncomingText,
  randomOutgoingText,
  type MediaContentType,
} from './demo-content';
import type { SimulatorState, StoredMessage } from './state';
import { createConversation } from './state-conversations';
import { addInstance } from './state-instances';
import { insertMessage } from './state-messages';

const MINUTE = 60_000;

/** Minutes before "now" of each demo chat's last message: minutes, hours, days old. */
const LAST_ACTIVITY_MINUTES_AGO = [2, 38, 95, 240, 60 * 20, 60 * 50];
/** Chats whose last messages are unread incoming ones. */
const UNREAD_CHATS = new Set([0, 1, 3]);

function demoMessage(direction: 'incoming' | 'outgoing', at: Date): StoredMessage {
  const roll = randomInt(10);
  const mediaType: MediaContentType | undefined =
    direction === 'incoming' && roll < 3 ? pick(['image', 'audio', 'document', 'video'] as const) : undefined;
  if (mediaType) {
    return {
      id: generateMessageId(),
      content: randomCaption(mediaType),
      contentType: mediaType,
      direction,
      timestamp: at.toISOString(),
      mediaUrl: generateMediaUrl(mediaType),
    };
  }
  return {
    id: generateMessageId(direction === 'outgoing' ? 'web' : undefined),
    content: direction === 'incoming' ? randomIncomingText() : randomOutgoingText(),
    contentType: 'text',
    direction,
    timestamp: at.toISOString(),
  };
}

/**
 * Direction of the `index`-th newest message of a chat: an unread chat ends with its
 * unread incoming messages, right after a reply of ours (that is why they are unread).
 */
function directionOf(index: number, unreadTail: number): 'incoming' | 'outgoing' {
  if (index < unreadTail) return 'incoming';
  if (unreadTail > 0 && index === unreadTail) return 'outgoing';
  return randomInt(2) === 0 ? 'incoming' : 'outgoing';
}

export function seedOrganization(state: SimulatorState, organizationId: string, now: Date = new Date()): void {
  const support = addInstance(state, organizationId, 'Atendimento', {
    status: 'connected',
    phoneNumber: generateBrazilianPhoneNumber(),
  });
  const sales = addInstance(state, organizationId, 'Vendas');

  LAST_ACTIVITY_MINUTES_AGO.forEach((minutesAgo, chatIndex) => {
    const unread = UNREAD_CHATS.has(chatIndex);
    const lastAt = now.getTime() - minutesAgo * MINUTE;
    const total = randomInt(4, 11);
    const conversation = createConversation(
      state,
      organizationId,
      // Some customers never saved a name on WhatsApp: the app must fall back to the number.
      {
        ...(chatIndex === 4 ? { phone: generateBrazilianPhoneNumber() } : { name: randomContactName() }),
        // A few chats came in on the sales number before it was disconnected.
        instanceId: chatIndex % 3 === 2 ? sales.id : support.id,
      },
      new Date(lastAt - total * 15 * MINUTE),
    );
    const unreadTail = unread ? randomInt(1, 4) : 0;
    let at = lastAt;
    const newestFirst: StoredMessage[] = [];
    for (let i = 0; i < total; i += 1) {
      newestFirst.push(demoMessage(directionOf(i, unreadTail), new Date(at)));
      at -= randomInt(1, 15) * MINUTE + randomInt(1, 59_000);
    }
    for (const message of newestFirst.reverse()) {
      insertMessage(conversation, message, { checkId: false });
    }
    conversation.unreadCount = unreadTail;
  });
}
