/**
 * Muting a conversation for a while and pausing all notifications, as a person does it:
 * the chosen duration shows, and a muted or paused app raises no notification (read off
 * the browser host, which records each one it hands to the OS).
 */
import { expect, test } from './support/fixtures';
import type { RunningHost } from './support/hosts';
import { conversationRow as row, lookAway, openInboxOnline } from './support/inbox';
import { simPost } from './support/sim';

const titles = async (host: RunningHost) => (await host.hostState()).notifications.map((n) => String(n.title));

test('a conversation muted for 1 hour, 8 hours, 1 week or always shows what is left, and raises no notification', async ({
  page,
  apps,
}) => {
  const { sim, host } = await openInboxOnline(page, apps);
  await simPost(sim, '/sim/messages', { contactName: 'Ana Souza', content: 'oi' });
  await simPost(sim, '/sim/messages', { contactName: 'Bruno Lima', content: 'olá' });
  await expect.poll(() => titles(host)).toEqual(['Ana Souza', 'Bruno Lima']);

  await row(page, 'Ana Souza').click();
  const muteFor = page.getByTestId('mute-for');
  const state = page.getByTestId('mute-state');
  await expect(muteFor.locator('option:not([disabled])')).toHaveText([
    'For 1 hour',
    'For 8 hours',
    'For 1 week',
    'Until I unmute',
  ]);
  for (const [choice, shown] of [
    ['1h', 'Muted — 1 h left'],
    ['8h', 'Muted — 8 h left'],
    ['1w', 'Muted — 7 days left'],
  ] as const) {
    await muteFor.selectOption(choice);
    await expect(state).toHaveText(shown);
    // The list says it too.
    await expect(row(page, 'Ana Souza').getByTestId('row-muted')).toHaveAttribute('aria-label', shown);
    await page.getByTestId('mute-toggle').click();
    await expect(state).toBeHidden();
    await expect(row(page, 'Ana Souza').getByTestId('row-muted')).toHaveCount(0);
  }
  await muteFor.selectOption('8h');
  await expect(state).toHaveText('Muted — 8 h left');

  // Reading Bruno in another window: Ana writes again, Carla writes for the first time.
  const ana = await row(page, 'Ana Souza').getAttribute('data-conversation-id');
  await row(page, 'Bruno Lima').click();
  await lookAway(page);
  await simPost(sim, '/sim/messages', { conversationId: ana, content: 'ainda aí?' });
  await expect(row(page, 'Ana Souza')).toHaveAttribute('data-unread', '1');
  await simPost(sim, '/sim/messages', { contactName: 'Carla Dias', content: 'bom dia' });
  await expect.poll(() => titles(host)).toContain('Carla Dias');
  await new Promise((done) => setTimeout(done, 1_000));
  expect(await titles(host)).toEqual(['Ana Souza', 'Bruno Lima', 'Carla Dias']);
});

test('notifications paused for 1 hour, until tomorrow morning or until resumed: until when shows, in the window and the tray', async ({
  page,
  apps,
}) => {
  const { sim, host } = await openInboxOnline(page, apps);
  const pause = page.getByTestId('pause-notifications');
  const state = page.getByTestId('pause-state');
  const resume = page.getByTestId('pause-resume');

  await pause.selectOption('1h');
  await expect(state).toHaveText(/^Paused until \d{1,2}:\d\d( [AP]M)? — 1 h left$/);
  await expect
    .poll(async () => (await host.hostState()).tooltip)
    .toMatch(/notifications paused until \d{1,2}:\d\d( [AP]M)?$/);
  await lookAway(page);
  await simPost(sim, '/sim/messages', { contactName: 'Dora', content: 'alguém aí?' });
  await expect(row(page, 'Dora')).toBeVisible();
  await new Promise((done) => setTimeout(done, 1_500));
  expect(await titles(host)).toEqual([]);

  const dora = await row(page, 'Dora').getAttribute('data-conversation-id');
  await resume.click();
  await expect(state).toBeHidden();
  await expect.poll(async () => (await host.hostState()).tooltip).not.toMatch(/paused/);
  await simPost(sim, '/sim/messages', { conversationId: dora, content: 'voltou?' });
  await expect.poll(() => titles(host)).toEqual(['Dora']);

  // "this morning" when the suite runs before 08:00.
  await expect(pause.locator('option[value="morning"]')).toHaveText(
    /^Pause until (this|tomorrow) morning \(0?8:00( AM)?\)$/,
  );
  await pause.selectOption('morning');
  await expect(state).toHaveText(/^Paused until 0?8:00( AM)? — (\d+ h( \d+ min)?|\d+ min) left$/);
  await resume.click();
  await pause.selectOption('until-resumed');
  await expect(state).toHaveText('Notifications paused');
  await expect.poll(async () => (await host.hostState()).tooltip).toMatch(/notifications paused$/);
});

test('by keyboard, ↑/↓ on the mute and pause choices only step through them: Enter applies, and the focus stays on the control that replaces them', async ({
  page,
  apps,
}) => {
  const { sim } = await openInboxOnline(page, apps);
  await simPost(sim, '/sim/messages', { contactName: 'Ana Souza', content: 'oi' });
  await row(page, 'Ana Souza').click();
  const muteFor = page.getByTestId('mute-for');
  const state = page.getByTestId('mute-state');

  await muteFor.focus();
  // On Linux and Windows each arrow on a closed select changes its value: none of them mutes.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(muteFor).toHaveValue('8h');
  await page.waitForTimeout(300);
  await expect(state).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(state).toHaveText('Muted — 8 h left');
  await expect(page.getByTestId('mute-toggle')).toBeFocused();
  // Unmute by keyboard: the choice comes back, focused, with nothing chosen.
  await page.keyboard.press('Enter');
  await expect(state).toBeHidden();
  await expect(muteFor).toBeFocused();
  await expect(muteFor).toHaveValue('');
  // Stepping away without Enter leaves it unmuted and shows nothing chosen.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect(muteFor).toHaveValue('');
  await expect(state).toBeHidden();

  const pause = page.getByTestId('pause-notifications');
  const pauseState = page.getByTestId('pause-state');
  await pause.focus();
  // A letter jumps to the option it starts ("Pause…"), on every platform: a step, not a choice.
  await page.keyboard.press('p');
  await page.waitForTimeout(300);
  await expect(pauseState).toBeHidden();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(300);
  await expect(pauseState).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(pauseState).toHaveText(/^Paused until 0?8:00( AM)? — /);
  await expect(page.getByTestId('pause-resume')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(pauseState).toBeHidden();
  await expect(pause).toBeFocused();
});
