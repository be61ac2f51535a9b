/**
 * The start most inbox specs share: one account on a fresh simulator with no demo data,
 * the browser host signed in as it, and the page open and online; plus the list rows and
 * the "person is in another application" step they read and drive.
 */
import type { Locator, Page } from '@playwright/test';
import type { Simulator } from '../../../src/simulator/simulator';
import type { Account, Apps } from './fixtures';
import type { RunningHost } from './hosts';
import { setWindowFocus } from './focus';
import { waitUntilOnline } from './sim';

export const A: Account = { token: 'token-a', organizationId: 'org-a' };

/** A fresh simulator for A, the browser host for it (with these AUZAP_* variables), the page online on it. */
export async function openInboxOnline(
  page: Page,
  apps: Apps,
  env: Record<string, string> = {},
): Promise<{ sim: Simulator; host: RunningHost }> {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const host = await apps.hostFor(sim, A, env);
  await waitUntilOnline(page, host.url, sim);
  return { sim, host };
}

/** The conversation list's row for that contact. */
export const conversationRow = (page: Page, name: string): Locator =>
  page.getByTestId('conversation-row').filter({ hasText: name });

/** The person is in another application: the app notifies even for what is on screen. */
export async function lookAway(page: Page): Promise<void> {
  await setWindowFocus(page, false);
}
