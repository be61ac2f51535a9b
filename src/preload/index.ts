/**
 * Exposes exactly one object to the renderer: the typed bridge. Channels outside the
 * shared allow-list never reach ipcRenderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, isCommandChannel, isPushChannel } from '../shared/bridge-channels';
import type { AuzapBridge, CommandOutcome } from '../shared/bridge';

const unknownChannel: CommandOutcome = {
  ok: false,
  error: { code: 'unknown_channel', message: { key: 'bridge.unknownChannel' } },
};

const bridge: AuzapBridge = {
  invoke(channel, ...args) {
    if (!isCommandChannel(channel)) return Promise.resolve(unknownChannel as never);
    return ipcRenderer.invoke(channel, ...args);
  },
  on(channel, listener) {
    if (!isPushChannel(channel)) return () => undefined;
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
