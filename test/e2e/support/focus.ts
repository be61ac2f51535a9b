import type { Page } from '@playwright/test';

/**
 * The person switches to another application, or back. The window reports what the user
 * sees over the bridge, so the host could otherwise get a server event first and decide
 * on the old focus; a later command's answer means the report was handled.
 */
export async function setWindowFocus(page: Page, focused: boolean): Promise<void> {
  await page.evaluate(async (value) => {
    document.hasFocus = () => value;
    window.dispatchEvent(new Event(value ? 'focus' : 'blur'));
    const bridge = (window as unknown as { auzap: { invoke(channel: string): Promise<unknown> } }).auzap;
    await bridge.invoke('app:get-snapshot');
  }, focused);
}
