import type { Page } from '@playwright/test';
import { expect, test, type Apps } from './support/fixtures';
import { waitUntilOnline } from './support/sim';

const A = { token: 'token-a', organizationId: 'org-a' };

// Three shops among the clients, to search for by a word (digits would also match phone numbers).
const NAMES = Array.from(
  { length: 30 },
  (_, i) => `${i % 10 === 6 ? 'Loja' : 'Cliente'} ${String(i + 1).padStart(2, '0')}`,
);

async function inboxWithThirtyChats(page: Page, apps: Apps) {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const host = await apps.hostFor(sim, A);
  await page.setViewportSize({ width: 1280, height: 800 });
  await waitUntilOnline(page, host.url, sim);
  for (const contactName of NAMES) {
    sim.injectMessage({ contactName, content: `Olá de ${contactName}` });
    // Distinct timestamps (ms), so "newest first" is a known order: Cliente 30 on top.
    await new Promise((done) => setTimeout(done, 3));
  }
  await expect(page.getByTestId('conversation-row').first()).toContainText('Cliente 30');
}

/** The name on the row the listbox's cursor is on (aria-activedescendant). */
async function activeName(page: Page): Promise<string> {
  const id = await page.getByRole('listbox', { name: 'Conversations' }).getAttribute('aria-activedescendant');
  if (!id) return '';
  return (await page.locator(`[id="${id}"] .conversation-row__name`).textContent()) ?? '';
}

test('the conversation list is one tab stop, moved with the arrows, Home/End and Page keys; Enter opens into the reply box', async ({
  page,
  apps,
}) => {
  await inboxWithThirtyChats(page, apps);
  const listbox = page.getByRole('listbox', { name: 'Conversations' });

  await page.getByLabel('Search conversations').focus();
  await page.keyboard.press('Tab');
  await expect(listbox).toBeFocused();
  await expect.poll(() => activeName(page)).toBe('Cliente 30');
  // The cursor is visible, not only announced.
  const active = page.locator('.conversation-row[data-active]');
  await expect(active).toHaveCSS('outline-style', 'solid');

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => activeName(page)).toBe('Cliente 28');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => activeName(page)).toBe('Cliente 29');

  // End reaches a row that was not even rendered (the list is virtualized) and scrolls to it.
  await page.keyboard.press('End');
  await expect.poll(() => activeName(page)).toBe('Cliente 01');
  await expect(active).toBeInViewport();
  // Only the rows in view exist: each says where it stands in the whole list.
  await expect(active).toHaveAttribute('aria-posinset', '30');
  await expect(active).toHaveAttribute('aria-setsize', '30');
  await page.keyboard.press('PageUp');
  const afterPageUp = await activeName(page);
  expect(Number(afterPageUp.slice(-2))).toBeGreaterThan(3);
  await page.keyboard.press('PageDown');
  await expect.poll(() => activeName(page)).toBe('Cliente 01');
  await page.keyboard.press('Home');
  await expect.poll(() => activeName(page)).toBe('Cliente 30');
  await expect(active).toBeInViewport();

  // One tab stop: the next Tab leaves the list (rows are not tab stops of their own).
  await page.keyboard.press('Tab');
  await expect(listbox).not.toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.closest('[role="listbox"]') !== null)).toBe(false);

  await listbox.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cliente 29');
  await expect(page.getByLabel('Reply')).toBeFocused();
  await expect(page.locator('[aria-selected="true"]')).toContainText('Cliente 29');
  await expect(page.locator('[aria-selected="true"]')).toHaveAttribute('aria-posinset', '2');
  // Back from the reply box, the messages are a stop of their own, to read with PageUp/PageDown.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('log', { name: 'Messages' })).toBeFocused();
});

test('a row far down the list opens with one click on a fresh page (focusing the list does not scroll it away)', async ({
  page,
  apps,
}) => {
  await inboxWithThirtyChats(page, apps);
  await page.setViewportSize({ width: 1280, height: 600 });
  const scroller = page.getByTestId('conversation-list');
  await scroller.hover();
  await page.mouse.wheel(0, 900);
  const target = page.getByTestId('conversation-row').filter({ hasText: 'Cliente 12' });
  await expect(target).toBeInViewport();
  await target.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cliente 12');
  await expect(target).toBeInViewport();
});

test('from the search box, ↓ enters the results and Enter opens the first; Esc clears the search', async ({
  page,
  apps,
}) => {
  await inboxWithThirtyChats(page, apps);
  const search = page.getByLabel('Search conversations');
  const listbox = page.getByRole('listbox', { name: 'Conversations' });

  await search.fill('loja');
  await expect(page.getByTestId('conversation-row')).toHaveCount(3);
  await search.press('ArrowDown');
  await expect(listbox).toBeFocused();
  await expect.poll(() => activeName(page)).toBe('Loja 27');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => activeName(page)).toBe('Loja 17');

  // Esc in the list clears the search and puts the typing back in the search box.
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(search).toBeFocused();
  await expect(page.getByTestId('conversation-row').first()).toContainText('Cliente 30');

  await search.fill('loja');
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loja 27');
  await expect(page.getByLabel('Reply')).toBeFocused();

  await search.fill('cliente');
  await search.press('Escape');
  await expect(search).toHaveValue('');
});
