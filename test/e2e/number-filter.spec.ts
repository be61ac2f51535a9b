/**
 * Conversations say which WhatsApp number they came in on (the server's `instanceId`), and
 * the inbox can show one number's conversations only — a choice that survives a reload.
 */
import { addInstance } from '../../src/simulator/simulator';
import { expect, test } from './support/fixtures';
import { simPost, waitUntilOnline } from './support/sim';
import { openConversation } from './support/thread';

const A = { token: 'token-a', organizationId: 'org-a' };

test('each conversation shows its number, and the inbox filters by number, remembered', async ({ page, apps }) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  // Carla wrote before any number was linked: the server cannot say which number she used.
  await simPost(sim, '/sim/messages', { contactName: 'Carla', content: 'Olá?' });
  const sales = addInstance(sim.state, A.organizationId, 'Sales', {
    status: 'connected',
    phoneNumber: '5511900000001',
  });
  const support = addInstance(sim.state, A.organizationId, 'Support', {
    status: 'connected',
    phoneNumber: '5511900000002',
  });
  await simPost(sim, '/sim/messages', { contactName: 'Ana', content: 'Quero comprar', instanceId: sales.id });
  await simPost(sim, '/sim/messages', { contactName: 'Bruno', content: 'Meu pedido quebrou', instanceId: support.id });
  const host = await apps.hostFor(sim, A);
  await waitUntilOnline(page, host.url, sim);

  const rows = page.getByTestId('conversation-row');
  const row = (name: string) => rows.filter({ hasText: name });
  await expect(rows).toHaveCount(3);
  await expect(row('Ana').getByTestId('conversation-number')).toHaveText('Sales');
  await expect(row('Bruno').getByTestId('conversation-number')).toHaveText('Support');
  await expect(row('Carla').getByTestId('conversation-number')).toHaveCount(0);

  const filter = page.getByRole('combobox', { name: 'Show conversations from' });
  await expect(filter).toHaveValue('');
  await expect(filter.locator('option:checked')).toHaveText('All numbers');
  // Each number says how many messages wait on it, seen from whichever number is shown.
  await expect(filter.locator('option')).toHaveText(['All numbers', 'Sales · 1 unread', 'Support · 1 unread']);
  await filter.selectOption(sales.id);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Ana');
  // Every row shown is on Sales: no tag says so again.
  await expect(row('Ana').getByTestId('conversation-number')).toHaveCount(0);

  // A new customer writing to Sales joins the filtered list once the server says where they wrote.
  await simPost(sim, '/sim/messages', { contactName: 'Dora', content: 'Tem em azul?', instanceId: sales.id });
  await simPost(sim, '/sim/messages', { contactName: 'Edu', content: 'Suporte?', instanceId: support.id });
  await expect(row('Dora')).toBeVisible({ timeout: 15_000 });
  await expect(row('Edu')).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await expect(filter.locator('option:checked')).toHaveText('Sales · 2 unread');
  await expect(rows).toHaveCount(2);
  await expect(row('Bruno')).toHaveCount(0);

  await filter.selectOption({ label: 'All numbers' });
  await expect(rows).toHaveCount(5);

  // A chat the filter hides, opened by Ctrl+K: every number is shown again, the chat among them.
  await filter.selectOption(sales.id);
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Go to conversation' }).fill('Bruno');
  await page.keyboard.press('Enter');
  await expect(filter.locator('option:checked')).toHaveText('All numbers');
  await expect(row('Bruno')).toHaveAttribute('aria-selected', 'true');
  // A number chosen while Bruno's chat is open is kept: the user asked for it.
  await filter.selectOption(sales.id);
  await expect(rows).toHaveCount(2);
  await expect(filter).toHaveValue(sales.id);
});

// Where a reply will leave from is worth a line in the header whenever the server says it,
// even for a shop with one number: the header has room, unlike a list row.
test("the thread's header says which number the chat came in on, by name and phone", async ({ page, apps }) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  await simPost(sim, '/sim/messages', { contactName: 'Carla', content: 'Olá?' });
  const sales = addInstance(sim.state, A.organizationId, 'Sales', {
    status: 'connected',
    phoneNumber: '5511900000001',
  });
  await simPost(sim, '/sim/messages', { contactName: 'Ana', content: 'Quero comprar', instanceId: sales.id });
  const host = await apps.hostFor(sim, A);
  await waitUntilOnline(page, host.url, sim);
  const header = page.getByTestId('thread').locator('header');
  const number = page.getByTestId('thread-number');

  // One number only: the list has nothing to tell apart, the header still says it.
  await openConversation(page, 'Ana');
  await expect(number).toHaveText('Came in on Sales · +55 11 90000-0001');
  await openConversation(page, 'Carla');
  await expect(header).toBeVisible();
  await expect(number).toHaveCount(0);

  // A second number, unnamed and not linked yet: the name the app gives it, no phone.
  const support = addInstance(sim.state, A.organizationId, '', { status: 'disconnected' });
  await simPost(sim, '/sim/messages', { contactName: 'Bruno', content: 'Meu pedido quebrou', instanceId: support.id });
  await host.stop();
  const second = await apps.hostFor(sim, A);
  await waitUntilOnline(page, second.url, sim);
  await openConversation(page, 'Bruno');
  await expect(number).toHaveText('Came in on Unnamed number');
  // Not linked: a reply would show "Sent", yet WhatsApp cannot carry it. The reply box says so.
  const notConnected = page.getByTestId('thread-number-not-connected');
  await expect(notConnected).toHaveText(
    'Unnamed number is not connected to WhatsApp: replies from this chat may not reach the customer until it is linked again.',
  );
  await openConversation(page, 'Ana');
  await expect(number).toHaveText('Came in on Sales · +55 11 90000-0001');
  await expect(notConnected).toHaveCount(0);
  // Sales drops while Ana's chat is open: the warning comes, and goes once it is linked again.
  await simPost(sim, `/sim/instances/${sales.id}/drop`, { reason: 'connection_lost' });
  await expect(notConnected).toContainText('Sales is not connected to WhatsApp');
  // Linked again (the server's list says so too, as after a real link).
  sales.status = 'connected';
  await simPost(sim, '/sim/emit', {
    organizationId: A.organizationId,
    event: 'whatsapp:connected',
    payload: {
      instanceId: sales.id,
      organizationId: A.organizationId,
      phoneNumber: '5511900000001',
      timestamp: new Date().toISOString(),
    },
  });
  await expect(notConnected).toHaveCount(0);
});

test("in a narrow window the thread header wraps a number's name as it must, never inside its phone", async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  // Names of every length from short to too long for one line: wherever the line ends, it
  // must not end inside the phone.
  const names = Array.from({ length: 16 }, (_, i) => `Loja ${'Centro'.repeat(2)}${'a'.repeat(i)}`);
  const customer = (i: number) => `Cliente ${String(i).padStart(2, '0')}`;
  for (const [i, name] of names.entries()) {
    const shop = addInstance(sim.state, A.organizationId, name, { status: 'connected', phoneNumber: '5562974635485' });
    await simPost(sim, '/sim/messages', { contactName: customer(i), content: 'Oi', instanceId: shop.id });
  }
  const host = await apps.hostFor(sim, A);
  await page.setViewportSize({ width: 800, height: 600 });
  await waitUntilOnline(page, host.url, sim);
  const number = page.getByTestId('thread-number');
  const wrapped: number[] = [];
  const search = page.getByLabel('Search conversations');
  for (const [i, name] of names.entries()) {
    // The list shows the newest; the search finds the rest.
    await search.fill(customer(i));
    await openConversation(page, customer(i));
    await expect(number).toHaveText(`Came in on ${name} · +55 62 97463-5485`);
    const layout = await number.evaluate((el) => {
      const node = el.firstChild as Node;
      const text = node.textContent ?? '';
      const lines = (range: Range) => new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      const phone = document.createRange();
      phone.setStart(node, text.indexOf('+55'));
      phone.setEnd(node, text.length);
      const whole = document.createRange();
      whole.selectNodeContents(el);
      return { phone: lines(phone), header: lines(whole) };
    });
    expect(layout.phone, name).toBe(1);
    if (layout.header > 1) wrapped.push(i);
  }
  // The header did wrap (800 px is too narrow for it): the check above was made where it matters.
  expect(wrapped.length).toBeGreaterThan(0);
});

test('with two numbers, a list row shows the whole of an ordinary name and of its number, and a long name still shows its number', async ({
  page,
  apps,
}) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const support = addInstance(sim.state, A.organizationId, 'Atendimento', { status: 'connected' });
  const sales = addInstance(sim.state, A.organizationId, 'Vendas Centro', { status: 'connected' });
  await simPost(sim, '/sim/messages', { contactName: 'Daniel Carvalho', content: 'Oi', instanceId: support.id });
  await simPost(sim, '/sim/messages', {
    contactName: 'Maria Aparecida dos Santos Ferreira de Albuquerque',
    content: 'Olá',
    instanceId: sales.id,
  });
  const host = await apps.hostFor(sim, A);
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await waitUntilOnline(page, host.url, sim);
    const rows = page.getByTestId('conversation-row');
    await expect(rows).toHaveCount(2);
    const fits = (row: string, part: string) =>
      rows
        .filter({ hasText: row })
        .locator(part)
        .evaluate((el) => ({ shown: el.clientWidth, needed: el.scrollWidth }));
    const daniel = await fits('Daniel', '.conversation-row__name');
    expect(daniel.shown, `${size.width}px`).toBeGreaterThanOrEqual(daniel.needed);
    const number = await fits('Daniel', '.conversation-row__number');
    expect(number.shown, `${size.width}px`).toBeGreaterThanOrEqual(number.needed);
    // A name too long for any row: cut, but its number still shows.
    const long = await fits('Maria', '.conversation-row__number');
    expect(long.shown).toBeGreaterThan(20);
  }
});

test('at 800×600 two numbers both fit in the numbers box, and the chats keep the room', async ({ page, apps }) => {
  const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
  const shops = [
    addInstance(sim.state, A.organizationId, 'Loja Centro', { status: 'connected', phoneNumber: '5511900000001' }),
    // A dropped number says what it was last connected as: a third line.
    addInstance(sim.state, A.organizationId, 'Loja Norte', { status: 'connected', phoneNumber: '5511900000002' }),
  ];
  for (let i = 0; i < 8; i += 1) {
    await simPost(sim, '/sim/messages', { contactName: `Cliente ${i}`, content: 'Oi', instanceId: shops[i % 2]?.id });
  }
  const host = await apps.hostFor(sim, A);
  await page.setViewportSize({ width: 800, height: 600 });
  await waitUntilOnline(page, host.url, sim);
  await simPost(sim, `/sim/instances/${shops[1]?.id ?? ''}/drop`, { reason: 'connection_lost' });
  const box = page.getByTestId('instance-list');
  await expect(box.getByTestId('instance-last-phone')).toHaveCount(1);

  const outside = await box.evaluate((nav) => {
    const scroller = nav.parentElement ?? nav;
    const bottom = Math.min(scroller.getBoundingClientRect().bottom, nav.getBoundingClientRect().bottom);
    return [...nav.querySelectorAll('li')].filter((li) => li.getBoundingClientRect().bottom > bottom + 0.5).length;
  });
  expect(outside).toBe(0);
  // The chats below still get most of the height: several rows in view.
  const rowsInView = await page
    .getByTestId('conversation-row')
    .evaluateAll((rows) => rows.filter((r) => r.getBoundingClientRect().bottom <= window.innerHeight).length);
  expect(rowsInView).toBeGreaterThanOrEqual(4);
});
