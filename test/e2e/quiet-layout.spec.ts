/**
 * The mute and pause controls at the two window sizes we support (issue 12, "checked at
 * 800×600 and 1920×1080"), in English and in Portuguese (the longer words): every state
 * of each control is inside the window and its container, clickable, not squeezed, with
 * no word broken across lines and nothing scrolling sideways.
 */
import type { Locator, Page } from '@playwright/test';
import { addInstance } from '../../src/simulator/simulator';
import { SIZES } from './support/axe';
import { expect, test } from './support/fixtures';
import { waitUntilOnline } from './support/sim';
import { minutesAgo, openConversation, seedThread } from './support/thread';

const A = { token: 'token-a', organizationId: 'org-a' };
const NAME = 'Maria Aparecida dos Santos Ferreira de Albuquerque';

interface Layout {
  /** Words whose letters sit on more than one line. */
  broken: string[];
  /** A select narrower than its longest choice, or text wider than its box. */
  squeezed: boolean;
}

/** What the eye would catch in `control`: words split over two lines, clipped text. */
function readLayout(control: Locator): Promise<Layout> {
  return control.evaluate((el): Layout => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('select')) continue; // option text is drawn by the select itself
      for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) broken.push(match[0]);
      }
    }
    if (!(el instanceof HTMLSelectElement)) return { broken, squeezed: el.scrollWidth > el.clientWidth };
    // A select as wide as it wants to be (its longest choice), next to the one on screen.
    const natural = el.cloneNode(true) as HTMLSelectElement;
    Object.assign(natural.style, {
      position: 'absolute',
      visibility: 'hidden',
      width: 'auto',
      minWidth: '0',
      maxWidth: 'none',
      flex: 'none',
    });
    el.parentElement?.append(natural);
    natural.value = el.value; // a clone shows its first choice, not the one chosen
    const wanted = natural.getBoundingClientRect().width;
    natural.remove();
    return { broken, squeezed: el.getBoundingClientRect().width + 0.5 < wanted };
  });
}

async function expectFits(page: Page, control: Locator, container: Locator, what: string) {
  await expect(control, what).toBeVisible();
  // Settings is taller than 600 px: there the controls are reached by scrolling down to them.
  await control.scrollIntoViewIfNeeded();
  await expect(control, what).toBeInViewport({ ratio: 1 });
  // Reachable: enabled, and nothing else would take the click.
  await control.click({ trial: true });
  const [box, outer] = await Promise.all([control.boundingBox(), container.boundingBox()]);
  const viewport = page.viewportSize();
  if (!box || !outer || !viewport) throw new Error(`${what}: no box`);
  const size = `${viewport.width}×${viewport.height}`;
  expect(box.x, `${what} at ${size}: left edge`).toBeGreaterThanOrEqual(Math.max(0, outer.x) - 0.5);
  expect(box.x + box.width, `${what} at ${size}: right edge`).toBeLessThanOrEqual(
    Math.min(viewport.width, outer.x + outer.width) + 0.5,
  );
  expect(box.y, `${what} at ${size}: top edge`).toBeGreaterThanOrEqual(Math.max(0, outer.y) - 0.5);
  expect(box.y + box.height, `${what} at ${size}: bottom edge`).toBeLessThanOrEqual(
    Math.min(viewport.height, outer.y + outer.height) + 0.5,
  );
  expect(await readLayout(control), `${what} at ${size}`).toEqual({ broken: [], squeezed: false });
  for (const [name, scroller] of [
    ['its container', container],
    ['the page', page.locator('html')],
    ['the body', page.locator('body')],
  ] as const) {
    const widths = await scroller.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(widths.scroll, `${what} at ${size}: ${name} scrolls sideways`).toBeLessThanOrEqual(widths.client);
  }
}

for (const locale of ['en-US', 'pt-BR']) {
  test.describe(locale, () => {
    test.use({ locale });
    test(`mute and pause controls fit at 800×600 and 1920×1080, in every state, in ${locale}`, async ({
      page,
      apps,
    }) => {
      const sim = await apps.simulator({ accounts: [A], seedDemoData: false });
      // The header at its fullest: a long name, and the number the chat came in on.
      addInstance(sim.state, A.organizationId, 'Atendimento Loja Centro', {
        status: 'connected',
        phoneNumber: '5511900000001',
      });
      seedThread(sim, A.organizationId, NAME, [{ at: minutesAgo(3), from: 'customer', text: 'Bom dia!' }]);
      const host = await apps.hostFor(sim, A);
      await page.setViewportSize(SIZES[0]);
      await waitUntilOnline(page, host.url, sim);
      const topbar = page.locator('header.topbar');
      await openConversation(page, NAME);
      const header = page.getByTestId('thread').locator('header');

      const checkAll = async (state: string, container: Locator, testIds: string[]) => {
        for (const size of SIZES) {
          await page.setViewportSize(size);
          for (const id of testIds) await expectFits(page, container.getByTestId(id), container, `${state}: ${id}`);
        }
      };

      await checkAll('not muted', header, ['mute-for', 'thread-number']);
      await checkAll('not paused', topbar, ['pause-notifications', 'notification-privacy']);

      // The longest states: a week's mute ("6 d 23 h left" soon) and a pause until the morning.
      await header.getByTestId('mute-for').selectOption('1w');
      await expect(header.getByTestId('mute-state')).toBeVisible();
      await checkAll('muted for a week', header, ['mute-state', 'mute-toggle', 'thread-number']);
      await topbar.getByTestId('pause-notifications').selectOption('morning');
      await expect(topbar.getByTestId('pause-state')).toBeVisible();
      await checkAll('paused until the morning', topbar, ['pause-state', 'pause-resume', 'notification-privacy']);
      // The thread's header is still whole beside a paused top bar.
      await checkAll('muted, and paused', header, ['mute-state', 'mute-toggle']);

      // Settings shows the same pause, with the same time left.
      await page.getByTestId('open-settings').click();
      const settings = page
        .getByTestId('settings-page')
        .locator('section', { has: page.getByTestId('notification-privacy') });
      await checkAll('paused, in Settings', settings, ['pause-state', 'pause-resume', 'notification-privacy']);
      await settings.getByTestId('pause-resume').click();
      await expect(settings.getByTestId('pause-notifications')).toBeVisible();
      await checkAll('not paused, in Settings', settings, ['pause-notifications', 'notification-privacy']);
      await checkAll('not paused, top bar beside Settings', topbar, ['pause-notifications']);
    });
  });
}
