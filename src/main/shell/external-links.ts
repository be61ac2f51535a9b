/**
 * Links leaving the app. Every link the page can open came in a WhatsApp message (a
 * media link), i.e. from a stranger: it opens in the system browser only after the user
 * saw the whole address and said yes, and only for https: and mailto:. Plain http: (a
 * page anyone on the network path can rewrite), file:, custom schemes (which launch
 * other programs) and anything unparsable never leave the app.
 */
import type { BrowserWindow, MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { Locale } from '../../shared/i18n/locale';
import { translator } from '../../shared/i18n/translate';
import { say, text, type UserText } from '../../shared/i18n/user-text';

const ALLOWED = new Set(['https:', 'mailto:']);

export type LinkDecision = { open: true; address: string } | { open: false; reason: UserText };

/** What may be opened, as the address to show: the parsed href, with an IDN host in punycode (no look-alikes). */
export function externalLinkDecision(url: string): LinkDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { open: false, reason: text('link.notWeb') };
  }
  if (ALLOWED.has(parsed.protocol)) return { open: true, address: parsed.href };
  if (parsed.protocol === 'http:') {
    return { open: false, reason: text('link.notSecure') };
  }
  return { open: false, reason: text('link.badScheme', { scheme: parsed.protocol }) };
}

export interface LinkOpenerDeps {
  showMessageBox(parent: BrowserWindow | null, options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  openExternal(url: string): Promise<void>;
  copyText(text: string): void;
  parent(): BrowserWindow | null;
  /** The language of the dialogs. */
  locale(): Locale;
}

/** Asks, showing the full address, and opens it only on "Open link". Never throws. */
export async function openLinkFromMessage(
  url: string,
  deps: LinkOpenerDeps,
): Promise<'opened' | 'declined' | 'refused'> {
  const decision = externalLinkDecision(url);
  const words = translator(deps.locale());
  const { t } = words;
  try {
    if (!decision.open) {
      await deps.showMessageBox(deps.parent(), {
        type: 'warning',
        title: t('link.refused.title'),
        message: t('link.refused.message'),
        detail: `${say(words, decision.reason)}\n\n${url.slice(0, 2000)}`,
        buttons: [t('common.ok')],
        defaultId: 0,
        noLink: true,
      });
      return 'refused';
    }
    const answer = await deps.showMessageBox(deps.parent(), {
      type: 'question',
      title: t('link.ask.title'),
      message: t('link.ask.message'),
      detail: `${decision.address}\n\n${t('link.ask.trust')}`,
      buttons: [t('common.cancel'), t('link.ask.copy'), t('link.ask.open')],
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
