/**
 * The browser host's transport for the bridge: the same commands and pushes as
 * Electron IPC, framed as JSON over one WebSocket. Types only; both ends import it.
 */
import type { CommandOutcome } from '../shared/bridge';

export const BRIDGE_SOCKET_PATH = '/host/bridge';
export const BRIDGE_SCRIPT_PATH = '/host/bridge.js';

export type ClientFrame = { kind: 'invoke'; id: number; channel: string; args: unknown[] };

export type HostFrame =
  { kind: 'result'; id: number; outcome: CommandOutcome } | { kind: 'push'; channel: string; payload: unknown };
