/**
 * Threads with history: messages on past days, from either side, stored in the
 * simulator before the app starts (as a backend that has had the chat for a while).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import {
  createConversation,
  storeIncomingMessages,
  storeOutgoingMessage,
  type Simulator,
} from '../../../src/simulator/simulator';

export interface PastMessage {
  at: Date;
  from: 'customer' | 'staff';
  text: string;
}

/** Stores the messages in time order; the customer's messages after the last reply stay unread. */
export function seedThread(
  sim: Simulator,
  organizationId: string,
  contactName: string,
  messages: PastMessage[],
): string {
  const conversation = createConversation(sim.state, organizationId, { name: contactName }, messages[0]?.at);
  for (const message of [...messages].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (message.from === 'staff') {
      storeOutgoingMessage(sim.state, organizationId, conversation.id, message.text, message.at);
    } else {
      storeIncomingMessages(sim.state, {
        organizationId,
        conversationId: conversation.id,
        content: message.text,
        timestamp: message.at.toISOString(),
      });
    }
  }
  return conversation.id;
}

/** Local time `days` calendar days ago at hh:mm (the browser and the test share the machine's zone). */
export function daysAgoAt(days: number, hours: number, minutes = 0): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - days, hours, minutes);
}

/** A date `minutes` before now (seconds apart from each other, so their order is the seeding order). */
export function minutesAgo(minutes: number): Date {
  return new Date(Date.now() - minutes * 60_000);
}

export async function openConversation(page: Page, name: string): Promise<Locator> {
  await page.getByTestId('conversation-row').filter({ hasText: name }).click();
  const thread = page.getByTestId('thread');
  await expect(thread.getByRole('heading', { name })).toBeVisible();
  return thread;
}
