/**
 * Replies: shown at once as "sending", then "sent" with the server's id, or "failed"
 * with the reason and a retry. Nothing typed is ever lost: a failed message stays in
 * the thread (and is never forgotten by the memory bound, see thread.ts).
 */
import { randomUUID } from 'node:crypto';
import type { MessageView } from '../../shared/inbox';
import { UserFacingError } from '../user-facing-error';
import type { Clock } from '../ports';
import type { RestClient } from '../rest-client';
import type { InboxStore } from './inbox-store';

export interface OutboxOptions {
  store: InboxStore;
  rest: RestClient;
  clock: Clock;
  describeFailure(failure: unknown): string;
  /** Push now: the bubble must appear under the user's finger. */
  pushNow(): void;
  onChanged(): void;
}

export function createOutbox(options: OutboxOptions) {
  const { store, rest } = options;

  const deliver = async (conversationId: string, localId: string, content: string) => {
    try {
      const stored = await rest.sendMessage(conversationId, content);
      store.resolveOutgoing(conversationId, localId, stored);
    } catch (failure) {
      store.updateMessage(conversationId, localId, {
        status: 'failed',
        error: `Not sent. ${options.describeFailure(failure)}`,
      });
    }
    options.onChanged();
  };

  return {
    send(conversationId: string, content: string): MessageView {
      if (!store.has(conversationId)) throw new UserFacingError('This conversation no longer exists.');
      const localId = `local-${randomUUID()}`;
      const message: MessageView = {
        id: localId,
        localId,
        conversationId,
        content,
        contentType: 'text',
        direction: 'outgoing',
        timestamp: new Date(options.clock.now()).toISOString(),
        mediaUrl: null,
        status: 'sending',
        error: null,
      };
      store.addOutgoing(message);
      options.pushNow();
      void deliver(conversationId, localId, content);
      return message;
    },

    retry(conversationId: string, localId: string): MessageView {
      const message = store.message(conversationId, localId);
      if (!message || message.status !== 'failed') {
        throw new UserFacingError('This message is not waiting for a retry.');
      }
      const sending = store.updateMessage(conversationId, localId, { status: 'sending', error: null }) ?? message;
      options.pushNow();
      void deliver(conversationId, localId, message.content);
      return sending;
    },
  };
}
