/**
 * WhatsApp formatting and links in the thread (issue 12): built from the text as
 * elements, never as HTML; only http(s) addresses (and www. ones, over https) are links, and following one leaves
 * the app (in the browser host: a new tab; in Electron main asks first, external-links.ts).
 */
import { expect, test } from './support/fixtures';
import { waitUntilOnline } from './support/sim';

const A = { token: 'token-a', organizationId: 'org-a' };

test('formatting is rendered from text, links open outside the app, markup never runs', async ({ page, apps }) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const host = await apps.hostFor(sim, A);
  await waitUntilOnline(page, host.url, sim);
  const texts = [
    '*Promoção* _só hoje_: ~R$ 50~ `R$ 40`',
    'Tabela:\n```P  M  G\n*1* _2_ 3```',
    'Veja https://loja.example.com/p?id=7. Ou (http://a.example/x_y), www.loja.example/promo.',
    '2 * 3 = 6, snake_case e <b>não é negrito</b> javascript:alert(1)',
  ];
  const [first] = sim.injectMessage({ contactName: 'Lia', content: texts[0] });
  const row = page.getByTestId('conversation-row').filter({ hasText: 'Lia' });
  // The list's preview leaves the marks out, as WhatsApp's list does.
  await expect(row.locator('.conversation-row__preview')).toHaveText('Promoção só hoje: R$ 50 R$ 40');
  for (const content of texts.slice(1)) sim.injectMessage({ conversationId: first?.conversationId, content });
  await row.click();
  const bubbles = page.getByTestId('message-text');
  await expect(bubbles).toHaveCount(4);

  const formatted = bubbles.nth(0);
  await expect(formatted.locator('strong')).toHaveText('Promoção');
  await expect(formatted.locator('em')).toHaveText('só hoje');
  await expect(formatted.locator('s')).toHaveText('R$ 50');
  await expect(formatted.locator('code')).toHaveText('R$ 40');
  await expect(formatted).toHaveText('Promoção só hoje: R$ 50 R$ 40');

  await expect(bubbles.nth(1).locator('pre')).toHaveText('P  M  G\n*1* _2_ 3');
  await expect(bubbles.nth(1).locator('pre strong, pre em')).toHaveCount(0);

  const links = bubbles.nth(2).getByTestId('message-link');
  await expect(links).toHaveCount(3);
  await expect(links.nth(0)).toHaveAttribute('href', 'https://loja.example.com/p?id=7');
  await expect(links.nth(1)).toHaveAttribute('href', 'http://a.example/x_y');
  // Typed without a scheme, as customers do: opened over https.
  await expect(links.nth(2)).toHaveAttribute('href', 'https://www.loja.example/promo');
  await expect(links.nth(2)).toHaveText('www.loja.example/promo');
  await expect(bubbles.nth(2)).toHaveText(texts[2] ?? '');

  // Markup is text, and a script address is not a link.
  await expect(bubbles.nth(3)).toHaveText(texts[3] ?? '');
  await expect(bubbles.nth(3).locator('b, strong, a')).toHaveCount(0);

  // Following a link leaves the app: a new tab for the address, the inbox stays where it was.
  await page.context().route('https://loja.example.com/**', (route) => route.fulfill({ body: 'loja' }));
  const [opened] = await Promise.all([page.context().waitForEvent('page'), links.nth(0).click()]);
  await expect.poll(() => opened.url()).toBe('https://loja.example.com/p?id=7');
  expect(page.url()).toBe(host.url);
});
