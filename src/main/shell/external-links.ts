/**
 * Links leaving the app. Every link the page can open came in a WhatsApp message (a
 * media link), i.e. from a stranger: it opens in the system browser only after the user
 * saw the whole address and said yes, and only for https: and mailto:. Plain http: (a
 * page anyone on the network path can rewrite), file:, custom schemes (which launch
 * other programs) and anything unparsable never leave the app.
 */
import type { BrowserWindow, MessageBoxOptions, MessageBoxReturnValue } from 'electron';

const ALLOWED = new Set(['https:', 'mailto:']);

export type LinkDecision = { open: true; address: string } | { open: false; reason: string };

/** What may be opened, as the address to show: the parsed href, with an IDN host in punycode (no look-alikes). */
export function externalLinkDecision(url: string): LinkDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { open: false, reason: 'This is not a web address.' };
  }
  if (ALLOWED.has(parsed.protocol)) return { open: true, address: parsed.href };
  if (parsed.protocol === 'http:') {
    return { open: false, reason: 'AuZap opens only secure (https) web addresses; this one is not secure.' };
  }
  return { open: false, reason: `AuZap does not open "${parsed.protocol}" links.` };
}

export interface LinkOpenerDeps {
  showMessageBox(parent: BrowserWindow | null, options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  openExternal(url: string): Promise<void>;
  copyText(text: string): void;
  parent(): BrowserWindow | null;
}

/** Asks, showing the full address, and opens it only on "Open link". Never throws. */
export async function openLinkFromMessage(
  url: string,
  deps: LinkOpenerDeps,
): Promise<'opened' | 'declined' | 'refused'> {
  const decision = externalLinkDecision(url);
  try {
    if (!decision.open) {
      await deps.showMessageBox(deps.parent(), {
        type: 'warning',
        title: 'Link not opened',
        message: 'This link was not opened',
        detail: `${decision.reason}\n\n${url.slice(0, 2000)}`,
        buttons: ['OK'],
        defaultId: 0,
        noLink: true,
      });
      return 'refused';
    }
    const answer = await deps.showMessageBox(deps.parent(), {
      type: 'question',
      title: 'Open link?',
      message: 'Open this link from a message in your browser?',
      detail: `${decision.address}\n\nOnly open links from people you trust.`,
      buttons: ['Cancel', 'Copy address', 'Open link'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (answer.response === 1) deps.copyText(decision.address);
    if (answer.response !== 2) return 'declined';
    await deps.openExternal(decision.address); // eng-disable OPEN_EXTERNAL_JS_CHECK: the checked, confirmed address only
    return 'opened';
  } catch {
    return 'declined';
  }
}
