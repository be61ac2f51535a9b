/**
 * The window in the user's language (issue 11): a Portuguese browser gets pt-BR with no
 * English word left, an English one no Portuguese, on every screen, and Settings switches at once.
 */
import type { Page } from '@playwright/test';
import { en } from '../../src/shared/i18n/catalogs/en';
import { ptBR } from '../../src/shared/i18n/catalogs/pt-BR';
import { addInstance } from '../../src/simulator/simulator';
import { translator } from '../../src/shared/i18n/translate';
import { otherLanguageOnScreen } from './support/catalog-text';
import { expect, test, type Apps } from './support/fixtures';
import { linkFromElsewhere, simPost, waitUntilOnline } from './support/sim';

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

  test('choosing English in Settings switches the window and the tray tooltip at once', async ({ page, apps }) => {
    const sim = await apps.simulator({ accounts: [A] });
    const host = await apps.hostFor(sim, A);
    await waitUntilOnline(page, host.url, sim);
    await expect.poll(async () => (await host.hostState()).tooltip).toMatch(/^AuZap — Conectado, /);
    await page.getByTestId('open-settings').click();
    await page.getByTestId('language').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The tray's tooltip follows at once too.
    await expect.poll(async () => (await host.hostState()).tooltip).toMatch(/^AuZap — Online, /);
    await page.getByTestId('language').selectOption('system');
    await expect(page.getByRole('heading', { name: 'Configurações' })).toBeVisible();
    await expect.poll(async () => (await host.hostState()).tooltip).toMatch(/^AuZap — Conectado, /);
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

/**
 * Every screen, in each language, checked against the other language's catalog
 * (support/catalog-text.ts): instances, the QR and pairing-code flows, each disconnect
 * reason, offline and sign-in needed. Buttons are found by their words in the language
 * under test, so a missing translation also fails the step that needs it.
 */
for (const locale of ['pt-BR', 'en'] as const) {
  test.describe(`every screen in ${locale}`, () => {
    test.use({ locale: locale === 'en' ? 'en-US' : 'pt-BR' });
    const { t } = translator(locale);
    const nothingForeign = async (page: Page, screen: string) =>
      expect(await otherLanguageOnScreen(page, locale), screen).toEqual([]);

    /** A number linked as +5511987654321 ("Vendas"), one never linked ("Suporte"), its page open. */
    async function numbers(page: Page, apps: Apps) {
      const sim = await apps.simulator({
        accounts: [A],
        seedDemoData: false,
        timing: { connectDelayMs: 50, qrFirstMs: 60_000, pairingCodeTtlMs: 60_000 },
      });
      const linked = addInstance(sim.state, A.organizationId, 'Vendas');
      const fresh = addInstance(sim.state, A.organizationId, 'Suporte');
      const host = await apps.hostFor(sim, A);
      await waitUntilOnline(page, host.url, sim);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await linkFromElsewhere(sim, A.token, linked.id, '5511987654321');
      await expect(page.getByTestId(`instance-${linked.id}`)).toHaveAttribute('data-status', 'connected');
      return { sim, host, linked, fresh };
    }

    test('the numbers, the QR flow and the pairing-code flow', async ({ page, apps }) => {
      const { linked, fresh } = await numbers(page, apps);
      await page.getByTestId(`instance-${linked.id}`).click();
      await expect(page.getByTestId('instance-status')).toHaveText(
        t('instance.connectedAs', { phone: '+55 11 98765-4321' }),
      );
      await nothingForeign(page, 'a connected number');
      await page.getByRole('button', { name: t('instance.disconnect') }).click();
      await expect(page.getByTestId('confirm-disconnect')).toBeVisible();
      await nothingForeign(page, 'the disconnect question');
      await page.keyboard.press('Escape');

      await page.getByTestId(`instance-${fresh.id}`).click();
      await expect(page.getByTestId('connect-flow')).toHaveAttribute('data-stage', 'choose');
      await nothingForeign(page, 'choosing how to link');
      await page.getByRole('button', { name: t('connect.qr.show') }).click();
      await expect(page.getByTestId('qr-code')).toHaveAttribute('data-sequence', '1');
      await expect(page.getByTestId('qr-countdown')).toBeVisible();
      await nothingForeign(page, 'the QR flow');
      await page.getByRole('button', { name: t('common.cancel') }).click();

      await page.getByLabel(t('connect.code.phoneLabel')).fill('+55 11 98765-4321');
      await page.getByRole('button', { name: t('connect.code.get') }).click();
      await expect(page.getByTestId('pairing-code')).toBeVisible();
      await expect(page.getByTestId('code-countdown')).toBeVisible();
      await nothingForeign(page, 'the pairing-code flow');
    });

    test('each disconnect reason', async ({ page, apps }) => {
      const { sim, linked } = await numbers(page, apps);
      await page.getByTestId(`instance-${linked.id}`).click();
      const reasons = ['logged_out', 'session_expired', 'connection_lost', 'error', 'quota_exceeded'];
      for (const reason of reasons) {
        await simPost(sim, `/sim/instances/${linked.id}/drop`, { reason });
        await expect(page.getByTestId(`instance-${linked.id}`)).toHaveAttribute('data-status', 'disconnected');
        await expect(page.getByTestId('instance-disconnect-reason')).toBeVisible();
        await nothingForeign(page, reason);
        await linkFromElsewhere(sim, A.token, linked.id, '5511987654321');
        await expect(page.getByTestId(`instance-${linked.id}`)).toHaveAttribute('data-status', 'connected');
      }
    });

    test('offline, with the numbers’ last known state', async ({ page, apps }) => {
      const { sim, linked } = await numbers(page, apps);
      sim.injectMessage({ contactName: 'Joana', content: 'Bom dia' });
      await page.getByTestId(`instance-${linked.id}`).click();
      await sim.close();
      await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
      await expect(page.getByTestId('instances-last-known')).toBeVisible();
      await expect(page.getByTestId('instance-status')).toHaveAttribute('data-live', 'false');
      await nothingForeign(page, 'offline');
    });

    test('sign-in needed', async ({ page, apps }) => {
      const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
      addInstance(sim.state, A.organizationId, 'Vendas');
      const host = await apps.hostFor(sim, { ...A, token: 'refused' });
      await page.goto(host.url);
      await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'auth_failed');
      await expect(page.getByTestId('instances-not-loaded')).toBeVisible();
      await nothingForeign(page, 'sign-in needed');
      await page
        .getByTestId('connection-detail')
        .getByRole('button', { name: t('connection.signIn') })
        .click();
      await expect(page.getByTestId('settings-page')).toBeVisible();
      await nothingForeign(page, 'settings, signing in');
    });

    test('the inbox, a thread and settings', async ({ page, apps }) => {
      const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
      const host = await apps.hostFor(sim, A);
      await waitUntilOnline(page, host.url, sim);
      await nothingForeign(page, 'an empty inbox');
      const [first] = sim.injectMessage({ contactName: 'Joana', content: 'Bom dia' });
      sim.injectMessage({
        conversationId: first?.conversationId ?? '',
        contentType: 'image',
        mediaUrl: 'https://example.com/a.jpg',
        content: '',
      });
      await page.getByTestId('conversation-row').first().click();
      await expect(page.getByTestId('message')).toHaveCount(2);
      await nothingForeign(page, 'a thread');
      await page.getByTestId('open-settings').click();
      await expect(page.getByRole('heading', { name: t('settings.title') })).toBeVisible();
      await nothingForeign(page, 'settings');

      // The check does see the other language when some is on screen.
      const planted = translator(locale === 'en' ? 'pt-BR' : 'en').t('connect.qr.nextIn', { countdown: '0:30' });
      await page.evaluate(
        (words) => document.body.append(Object.assign(document.createElement('p'), { textContent: words })),
        planted,
      );
      expect(await otherLanguageOnScreen(page, locale)).toHaveLength(1);
    });
  });
}
