/**
 * Carries the bridge over Electron IPC: every command is checked to come from our
 * own page in our own window, then handed to the core's dispatcher (which validates
 * the arguments with the shared schemas).
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { COMMAND_CHANNELS, type CommandOutcome } from '../../shared/bridge';
import type { AppCore } from '../core/app-core';
import type { Logger } from '../core/ports';
import { isOurPage } from './window';

const notAllowed: CommandOutcome = { ok: false, error: { code: 'not_allowed', message: 'Not allowed.' } };

export function wireBridge(core: AppCore, getWindow: () => BrowserWindow | null, logger: Logger): () => void {
  const trusted = (event: IpcMainInvokeEvent) => {
    const win = getWindow();
    return !!win && event.sender === win.webContents && !!event.senderFrame && isOurPage(event.senderFrame.url);
  };
  for (const channel of COMMAND_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!trusted(event)) {
        logger.warn(`refused "${channel}" from an untrusted sender (${event.senderFrame?.url ?? 'unknown frame'})`);
        return notAllowed;
      }
      return core.dispatch(channel, args);
    });
  }
  const unsubscribe = core.onPush((push) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(push.channel, push.payload);
  });
  return () => {
    unsubscribe();
    for (const channel of COMMAND_CHANNELS) ipcMain.removeHandler(channel);
  };
}
