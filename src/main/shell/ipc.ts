/**
 * Carries the bridge over Electron IPC. Every command is first checked to come from our
 * own page (app://auzap/index.html, the main frame) in our own window; anything else
 * gets 'not_allowed' without reaching the runtime. Then the runtime validates the
 * arguments with the shared schemas.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { COMMAND_CHANNELS, type CommandOutcome } from '../../shared/bridge';
import type { HostRuntime } from '../../core/host-runtime';
import type { Logger } from '../../core/ports';
import { isOurPage } from './window';

export const NOT_ALLOWED: CommandOutcome = {
  ok: false,
  error: { code: 'not_allowed', message: { key: 'bridge.notAllowed' } },
};

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
type OurWindow = Pick<BrowserWindow, 'isDestroyed' | 'webContents'>;

/** True when the message comes from the main frame of our page in our window. */
export function isTrustedSender(
  event: SenderEvent,
  win: OurWindow | null,
  ourPage: (url: string) => boolean = isOurPage,
): boolean {
  try {
    if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
    // senderFrame is null once the frame navigated away or was destroyed.
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return ourPage(frame.url);
  } catch {
    // A frame torn down mid-message can throw on access: not trusted.
    return false;
  }
}

export function wireBridge(
  runtime: Pick<HostRuntime, 'dispatch' | 'onPush'>,
  getWindow: () => OurWindow | null,
  logger: Logger,
  ourPage: (url: string) => boolean = isOurPage,
): () => void {
  const refusedOnce = new Set<string>();
  for (const channel of COMMAND_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, getWindow(), ourPage)) {
        let url = 'unknown frame';
        try {
          url = event.senderFrame?.url ?? url;
        } catch {
          // a destroyed frame throws on access
        }
        const key = `${channel} ${url}`;
        if (!refusedOnce.has(key)) {
          refusedOnce.add(key);
          logger.warn(`refused "${channel}" from an untrusted sender (${url})`);
        }
        return NOT_ALLOWED;
      }
      return runtime.dispatch(channel, args);
    });
  }
  const unsubscribe = runtime.onPush((push) => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    const contents = win.webContents;
    // Pushes carry the inbox: only our page may receive them.
    if (contents.isDestroyed() || !ourPage(contents.getURL())) return;
    contents.send(push.channel, push.payload);
  });
  return () => {
    unsubscribe();
    for (const channel of COMMAND_CHANNELS) ipcMain.removeHandler(channel);
  };
}
