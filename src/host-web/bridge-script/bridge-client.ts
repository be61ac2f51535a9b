/**
 * The browser host's stand-in for the Electron preload: defines `window.auzap` with
 * the same interface, carried over a WebSocket to the host instead of IPC. The
 * renderer cannot tell the difference, which is the point.
 */
import { BRIDGE_GLOBAL, isCommandChannel, isPushChannel } from '../../shared/bridge-channels';
import { createListeners, type Listeners } from '../../shared/listeners';
import type { AuzapBridge, CommandOutcome, ConnectionState } from '../../shared/bridge';
import { BRIDGE_SOCKET_PATH, type ClientFrame, type HostFrame } from '../wire';

type Listener = (payload: unknown) => void;

const RECONNECT_MS = 1_000;
const lostContact: CommandOutcome = {
  ok: false,
  error: { code: 'unavailable', message: { key: 'bridge.lostHost' } },
};

const pending = new Map<number, (outcome: CommandOutcome) => void>();
const listeners = new Map<string, Listeners<unknown>>();
const outbox: ClientFrame[] = [];
let nextId = 1;
let socket: WebSocket | null = null;

function send(frame: ClientFrame) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  else outbox.push(frame);
}

/** The host answered this page once. */
let reached = false;
/** And was lost since: whatever answers next may be a new host process. */
let lostHost = false;

function open() {
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_SOCKET_PATH}`);
  socket = ws;
  ws.addEventListener('open', () => {
    // A restarted host has its own inbox, open chat and view of this window, and what the page
    // holds was fetched from the old one (a list, a thread, "online"): start the page afresh
    // (drafts and the open chat are kept by the page itself).
    if (lostHost) {
      location.reload();
      return;
    }
    reached = true;
    for (const frame of outbox.splice(0)) ws.send(JSON.stringify(frame));
  });
  ws.addEventListener('message', (event) => {
    let frame: HostFrame;
    try {
      frame = JSON.parse(String(event.data)) as HostFrame;
    } catch {
      return;
    }
    if (frame.kind === 'result') {
      pending.get(frame.id)?.(frame.outcome);
      pending.delete(frame.id);
    } else if (frame.kind === 'push') {
      listeners.get(frame.channel)?.emit(frame.payload);
    }
  });
  ws.addEventListener('close', () => {
    // Until it answers again the page must not go on saying "Online" on the old host's word.
    if (reached && !lostHost) {
      const offline: ConnectionState = {
        status: 'offline',
        detail: lostContact.ok ? null : lostContact.error.message,
        since: new Date().toISOString(),
        attempt: 0,
        transport: null,
      };
      listeners.get('app:snapshot-patch')?.emit({ connection: offline });
    }
    lostHost ||= reached;
    socket = null;
    // Callers are told these failed, so they must never be sent later (a reply sent twice).
    outbox.length = 0;
    for (const resolve of pending.values()) resolve(lostContact);
    pending.clear();
    setTimeout(open, RECONNECT_MS);
  });
}

const bridge: AuzapBridge = {
  invoke(channel, ...args) {
    if (!isCommandChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_channel', message: { key: 'bridge.unknownChannel' } },
      });
    }
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve as (outcome: CommandOutcome) => void);
      send({ kind: 'invoke', id, channel, args });
    });
  },
  on(channel, listener) {
    if (!isPushChannel(channel)) return () => undefined;
    const set = listeners.get(channel) ?? createListeners<unknown>();
    listeners.set(channel, set);
    return set.add(listener as Listener);
  },
};

Object.defineProperty(window, BRIDGE_GLOBAL, { value: Object.freeze(bridge), writable: false, configurable: false });
open();
