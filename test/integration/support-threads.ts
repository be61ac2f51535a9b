/** Reading whole threads back, the way a user scrolling to the very top would. */
import type { AppCore } from '../../src/core/app-core';
import type { Simulator } from '../../src/simulator/simulator';
import { call } from './support';
import { inEnglish } from '../support/words';

/** Opens the conversation and loads older pages until there are none; the thread's ids, oldest first. */
export async function everyMessageId(core: AppCore, conversationId: string): Promise<string[]> {
  let page = await call(core, 'inbox:open-conversation', { conversationId });
  for (let guard = 0; page.hasOlder && guard < 1_000; guard += 1) {
    const before = page.messages.length;
    page = await call(core, 'inbox:load-older', { conversationId });
    if (page.error) throw new Error(inEnglish(page.error));
    if (page.messages.length === before && page.hasOlder) throw new Error('loading older brought nothing');
  }
  return page.messages.map((m) => m.id);
}

/** What the server holds for the conversation, oldest first. */
export function serverMessageIds(sim: Simulator, conversationId: string): string[] {
  return sim.state.conversations.find((c) => c.id === conversationId)?.messages.map((m) => m.id) ?? [];
}
