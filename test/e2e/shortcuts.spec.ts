/**
 * The window's keyboard shortcuts, pressed as a person would: the quick switcher,
 * moving between (unread) conversations, Esc, Ctrl+F and the help overlay.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Apps } from './support/fixtures';
import { waitUntilOnline } from './support/sim';

const A = { token: 'token-a', organizationId: 'org-a' };

// Oldest first, so the list (newest first) reads Eva, Davi, Carla, Bruno, Ana.
const CHATS = [
  { contactName: 'Ana Souza', contactPhone: '5511911110001' },
  { contactName: 'Bruno Lima', contactPhone: '5511922220002' },
  { contactName: 'Carla Dias', contactPhone: '5511933330003' },
  { contactName: 'Davi Rocha', contactPhone: '5511944440004' },
  { contactName: 'Eva Martins', contactPhone: '5511955550005' },
];

async function inboxWithFiveChats(page: Page, apps: Apps) {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const host = await apps.hostFor(sim, A);
  await page.setViewportSize({ width: 1280, height: 800 });
  await waitUntilOnline(page, host.url, sim);
  for (const chat of CHATS) {
    sim.injectMessage({ ...chat, content: `Oi, aqui é ${chat.contactName}` });
    await new Promise((done) => setTimeout(done, 3));
  }
  await expect(page.getByTestId('conversation-row').first()).toContainText('Eva Martins');
  await expect(page.getByTestId('conversation-row')).toHaveCount(5);
  return sim;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const focusIsInside = (page: Page, testId: string) =>
  page.evaluate((id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null, testId);

test('Ctrl+K opens a quick switcher: a name or a number, ↑/↓, Enter opens into the reply box; Esc gives the focus back', async ({
  page,
  apps,
}) => {
  await inboxWithFiveChats(page, apps);
  const switcher = page.getByTestId('quick-switcher');
  const input = page.getByRole('combobox', { name: 'Go to conversation' });

  await page.getByRole('listbox', { name: 'Conversations' }).focus();
  await page.keyboard.press('Control+K');
  await expect(switcher).toBeVisible();
  await expect(input).toBeFocused();
  // The focus stays in the dialog, whichever way Tab goes.
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await focusIsInside(page, 'quick-switcher')).toBe(true);
  }

  await input.fill('bruno');
  await expect(page.getByTestId('switcher-option')).toHaveText([/Bruno Lima/]);
  await page.keyboard.press('Enter');
  await expect(switcher).toBeHidden();
  await expect(heading(page)).toHaveText('Bruno Lima');
  await expect(page.getByLabel('Reply')).toBeFocused();

  // A phone number, typed as people type it.
  await page.keyboard.press('Control+K');
  await input.fill('(11) 93333');
  await expect(page.getByTestId('switcher-option')).toHaveText([/Carla Dias/]);
  // Several matches: the arrows choose.
  await input.fill('a');
  await expect(page.getByTestId('switcher-option')).toHaveCount(5);
  await expect(page.locator('[data-testid="switcher-option"][aria-selected="true"]')).toContainText('Eva Martins');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('[data-testid="switcher-option"][aria-selected="true"]')).toContainText('Davi Rocha');
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Davi Rocha');
  await expect(page.getByLabel('Reply')).toBeFocused();

  // Esc closes it and the focus is back where it was: here, in the reply box, text kept.
  await page.getByLabel('Reply').fill('um rascunho');
  await page.keyboard.press('Control+K');
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(switcher).toBeHidden();
  await expect(page.getByLabel('Reply')).toBeFocused();
  await expect(page.getByLabel('Reply')).toHaveValue('um rascunho');
  await expect(heading(page)).toHaveText('Davi Rocha');
});

test('Alt+↑/↓ move to the previous/next conversation, Alt+Shift+↑/↓ to the previous/next unread one', async ({
  page,
  apps,
}) => {
  await inboxWithFiveChats(page, apps);
  await page.getByTestId('conversation-row').filter({ hasText: 'Eva Martins' }).click();
  await expect(heading(page)).toHaveText('Eva Martins');
  const reply = page.getByLabel('Reply');
  await expect(reply).toBeFocused();

  // From the reply box itself: these chords type nothing.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(heading(page)).toHaveText('Davi Rocha');
  await expect(reply).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(heading(page)).toHaveText('Eva Martins');
  // Eva and Davi are read now: the next unread is Carla, then Bruno.
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(heading(page)).toHaveText('Carla Dias');
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(heading(page)).toHaveText('Bruno Lima');
  await expect(reply).toBeFocused();
  // Once the list shows Carla read (main marks a chat read as it opens it; a loaded machine
  // may take a moment to say so)…
  await expect(page.getByTestId('conversation-row').filter({ hasText: 'Carla Dias' })).toHaveAttribute(
    'data-unread',
    '0',
  );
  // …nothing unread above Bruno any more: ↑ goes round, to Ana at the bottom.
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect(heading(page)).toHaveText('Ana Souza');
  await expect(page.locator('[data-testid="conversation-row"][data-unread="0"]')).toHaveCount(5);
  // Nothing unread anywhere: the open chat stays.
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(heading(page)).toHaveText('Ana Souza');
  // The last one: ↓ stays, ↑ goes back.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(heading(page)).toHaveText('Ana Souza');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(heading(page)).toHaveText('Bruno Lima');
});

test('Alt+↑/↓ work from the list and the search box too, and walk only the chats a search shows', async ({
  page,
  apps,
}) => {
  await inboxWithFiveChats(page, apps);
  const search = page.getByLabel('Search conversations');
  const listbox = page.getByRole('listbox', { name: 'Conversations' });
  // "ar": Eva Martins and Carla Dias (the list reads Eva, Davi, Carla, Bruno, Ana).
  await search.fill('ar');
  await expect(page.getByTestId('conversation-row')).toHaveCount(2);
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText('Eva Martins');

  // From the search box: the next chat shown is Carla (Davi is not shown).
  await search.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(heading(page)).toHaveText('Carla Dias');
  await expect(page.getByLabel('Reply')).toBeFocused();
  await expect(search).toHaveValue('ar');

  // From the list: the chord changes the open chat, not only the list's cursor.
  await listbox.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(heading(page)).toHaveText('Eva Martins');
  await listbox.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(heading(page)).toHaveText('Carla Dias');
  // The end of what is shown: it stays.
  await listbox.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(heading(page)).toHaveText('Carla Dias');
  // Plain ↓ still only moves the cursor.
  await listbox.focus();
  await page.keyboard.press('ArrowUp');
  await expect(heading(page)).toHaveText('Carla Dias');
});

test('Esc closes Settings and clears the search; Ctrl+F focuses the search', async ({ page, apps }) => {
  await inboxWithFiveChats(page, apps);
  const search = page.getByLabel('Search conversations');
  await page.getByTestId('conversation-row').filter({ hasText: 'Carla Dias' }).click();
  await expect(page.getByLabel('Reply')).toBeFocused();

  await page.keyboard.press('Control+F');
  await expect(search).toBeFocused();
  await page.keyboard.type('bru');
  await expect(page.getByTestId('conversation-row')).toHaveCount(1);
  // Esc from anywhere clears it, here from the reply box.
  await page.getByLabel('Reply').focus();
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(page.getByTestId('conversation-row')).toHaveCount(5);

  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('settings-page')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings-page')).toBeHidden();
  // Back to where the user was.
  await expect(heading(page)).toHaveText('Carla Dias');
});

test('? or Ctrl+/ shows every shortcut; ? typed in a field is just a question mark', async ({ page, apps }) => {
  await inboxWithFiveChats(page, apps);
  const help = page.getByTestId('shortcut-help');
  const listbox = page.getByRole('listbox', { name: 'Conversations' });

  await listbox.focus();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await expect(help.getByTestId('shortcut-row')).toHaveCount(8);
  await expect(help.locator('[data-action="quick-switcher"]')).toContainText('Ctrl+K');
  await expect(help.locator('[data-action="next-unread"]')).toContainText('Alt+Shift+↓');
  await expect(help.locator('[data-action="help"]')).toContainText('Ctrl+/');
  await expect(help.locator('[data-action="help"]')).toContainText('F1');
  // Read as a table: each key cell under "Keys", each action under "What they do".
  await expect(help.getByRole('columnheader')).toHaveText(['Keys', 'What they do']);
  expect(await focusIsInside(page, 'shortcut-help')).toBe(true);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(listbox).toBeFocused();

  await page.getByTestId('conversation-row').filter({ hasText: 'Ana Souza' }).click();
  const reply = page.getByLabel('Reply');
  await reply.pressSequentially('Tudo bem?');
  await expect(reply).toHaveValue('Tudo bem?');
  await expect(help).toBeHidden();
  // The search box is a field too.
  await page.getByLabel('Search conversations').pressSequentially('?');
  await expect(help).toBeHidden();

  await reply.focus();
  await page.keyboard.press('Control+/');
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
  await expect(reply).toBeFocused();
  await expect(reply).toHaveValue('Tudo bem?');
  // F1, where people look for help first, types nothing: it works from the reply box too.
  await page.keyboard.press('F1');
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(reply).toHaveValue('Tudo bem?');
});
