/**
 * The window in the user's language (issue 11): a Portuguese browser gets pt-BR with no
 * English word left, an English one no Portuguese, and Settings switches at once.
 */
import type { Page } from '@playwright/test';
import { en } from '../../src/shared/i18n/catalogs/en';
import { ptBR } from '../../src/shared/i18n/catalogs/pt-BR';
import { expect, test } from './support/fixtures';
import { waitUntilOnline } from './support/sim';

const A = { token: 'token-a', organizationId: 'org-a' };

/** Words of one catalog's messages (placeholders and markup left out) that the other never uses. */
function wordsOnlyIn(mine: Record<string, string>, theirs: Record<string, string>): Set<string> {
  const words = (catalog: Record<string, string>) =>
    new Set(
      Object.values(catalog)
        .join(' ')
        .replace(/\{[^{}]*\}|<\/?b>/g, ' ')
        .toLowerCase()
        .match(/\p{L}{4,}/gu) ?? [],
    );
  const other = words(theirs);
  return new Set([...words(mine)].filter((word) => !other.has(word) && word !== 'auzap' && word !== 'whatsapp'));
}

const visibleWords = async (page: Page) =>
  new Set((await page.locator('body').innerText()).toLowerCase().match(/\p{L}{4,}/gu) ?? []);

test.describe('pt-BR', () => {
  test.use({ locale: 'pt-BR' });

  test('the inbox, settings and <html lang> are in Portuguese, with no English word left', async ({ page, apps }) => {
    const sim = await apps.simulator({ accounts: [A] });
    const host = await apps.hostFor(sim, A);
    await waitUntilOnline(page, host.url, sim);
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await expect(page.getByRole('heading', { name: 'Caixa de entrada' })).toBeVisible();
    const english = wordsOnlyIn(en, ptBR);
    const leftOver = [...(await visibleWords(page))].filter((word) => english.has(word));
    expect(leftOver).toEqual([]);

    await page.getByTestId('open-settings').click();
    await expect(page.getByRole('heading', { name: 'Configurações' })).toBeVisible();
    const leftInSettings = [...(await visibleWords(page))].filter((word) => english.has(word));
    expect(leftInSettings).toEqual([]);
  });

  test('a thread, the quick switcher and the shortcut help are in Portuguese too', async ({ page, apps }) => {
    const sim = await apps.simulator({ accounts: [A] });
    const host = await apps.hostFor(sim, A);
    await waitUntilOnline(page, host.url, sim);
    const english = wordsOnlyIn(en, ptBR);
    const leftOver = async () => [...(await visibleWords(page))].filter((word) => english.has(word));

    await page.getByTestId('conversation-row').first().click();
    await expect(page.getByTestId('thread')).toBeVisible();
    await expect(page.getByTestId('message').first()).toBeVisible();
    expect(await leftOver()).toEqual([]);

    await page.keyboard.press('Control+K');
    await expect(page.getByTestId('quick-switcher')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Ir para a conversa' })).toBeFocused();
    expect(await leftOver()).toEqual([]);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+/');
    await expect(page.getByTestId('shortcut-help')).toBeVisible();
    await expect(page.getByTestId('shortcut-help')).toContainText('Atalhos de teclado');
    expect(await leftOver()).toEqual([]);
  });

  test('choosing English in Settings switches the window at once', async ({ page, apps }) => {
    const sim = await apps.simulator({ accounts: [A] });
    const host = await apps.hostFor(sim, A);
    await waitUntilOnline(page, host.url, sim);
    await page.getByTestId('open-settings').click();
    await page.getByTestId('language').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByTestId('language').selectOption('system');
    await expect(page.getByRole('heading', { name: 'Configurações' })).toBeVisible();
  });
});

test.describe('en-US', () => {
  test.use({ locale: 'en-US' });

  test('the inbox shows no Portuguese word', async ({ page, apps }) => {
    // Without the demo shop's chats: its customers write in Portuguese, whatever the window speaks.
    const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
    const host = await apps.hostFor(sim, A);
    await waitUntilOnline(page, host.url, sim);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const portuguese = wordsOnlyIn(ptBR, en);
    const leftOver = [...(await visibleWords(page))].filter((word) => portuguese.has(word));
    expect(leftOver).toEqual([]);
  });
});
