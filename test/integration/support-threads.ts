/** Reading threads the way a window does: the page it opened, then its deltas and older pages. */
import type { AppCore } from '../../src/core/app-core';
import type { MessageView } from '../../src/shared/inbox';
import type { Simulator } from '../../src/simulator/simulator';
import { applyMessagesDelta, joinThreadStart } from '../../src/renderer/src/features/inbox/inbox-model';
import { call } from './support';
import { inEnglish } from '../support/words';

export interface OpenThread {
  /** What the window shows, oldest first. */
  readonly messages: MessageView[];
  readonly hasOlder: boolean;
  /** Scrolls to the top once: the older page joins what is shown. Resolves with that page as it came. */
  loadOlder(): ReturnType<typeof call<'inbox:load-older'>>;
  close(): void;
}

/** Opens a conversation and keeps the window's copy of it, as useThread does. */
export async function openThread(core: AppCore, conversationId: string): Promise<OpenThread> {
  let messages: MessageView[] | null = null;
  const stop = core.onPush((push) => {
    if (push.channel !== 'inbox:messages' || push.payload.conversationId !== conversationId) return;
    // Before the page came, the page holds it already.
    if (messages !== null) messages = applyMessagesDelta(messages, push.payload);
  });
  const opened = await call(core, 'inbox:open-conversation', { conversationId });
  messages = opened.messages;
  let hasOlder = opened.hasOlder;
  return {
    get messages() {
      return messages ?? [];
    },
    get hasOlder() {
      return hasOlder;
    },
    async loadOlder() {
      const page = await call(core, 'inbox:load-older', { conversationId });
      messages = joinThreadStart(messages ?? [], page.messages);
      hasOlder = page.hasOlder;
      return page;
    },
    close: stop,
  };
}

/** Opens the conversation and loads older pages until there are none; the thread's ids, oldest first. */
export async function everyMessageId(core: AppCore, conversationId: string): Promise<string[]> {
  const thread = await openThread(core, conversationId);
  try {
    for (let guard = 0; thread.hasOlder && guard < 1_000; guard += 1) {
      const before = thread.messages.length;
      const page = await thread.loadOlder();
      if (page.error) throw new Error(inEnglish(page.error));
      if (thread.messages.length === before && thread.hasOlder) throw new Error('loading older brought nothing');
    }
    return thread.messages.map((m) => m.id);
  } finally {
    thread.close();
  }
}

/** What the server holds for the conversation, oldest first. */
export function serverMessageIds(sim: Simulator, conversationId: string): string[] {
  return sim.state.conversations.find((c) => c.id === conversationId)?.messages.map((m) => m.id) ?? [];
}
