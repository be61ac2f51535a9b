/**
 * Channel names of the renderer↔main bridge, with no runtime dependencies so that the
 * sandboxed preload (which cannot load npm packages) can allow-list them.
 * The schemas for each channel live in ./bridge.ts, keyed by these names.
 */
/** Commands the host answers itself (they outlive one core: settings, updates). */
export const HOST_COMMAND_CHANNELS = [
  'settings:get',
  'settings:update-connection',
  'settings:update-preferences',
  'locale:get',
  'updates:get-state',
  'updates:check-now',
  'updates:restart',
  'updates:later',
] as const;

export const CORE_COMMAND_CHANNELS = [
  'app:get-snapshot',
  'connection:retry-now',
  'ui:view-changed',
  'instances:refresh',
  'instances:connect',
  'instances:disconnect',
  'connect-flow:dismiss',
  'inbox:get-conversations',
  'inbox:open-conversation',
  'inbox:load-older',
  'inbox:send',
  'inbox:retry-send',
  'inbox:discard-reply',
  'inbox:set-muted',
  'notifications:update-settings',
] as const;

export const COMMAND_CHANNELS = [...CORE_COMMAND_CHANNELS, ...HOST_COMMAND_CHANNELS] as const;

export const PUSH_CHANNELS = [
  'app:snapshot',
  'app:snapshot-patch',
  'inbox:conversations',
  'inbox:messages',
  'ui:open-conversation',
  'ui:open-instance',
  'updates:state',
  'locale:changed',
] as const;

export type CommandChannel = (typeof COMMAND_CHANNELS)[number];
export type HostCommandChannel = (typeof HOST_COMMAND_CHANNELS)[number];
export type CoreCommandChannel = (typeof CORE_COMMAND_CHANNELS)[number];
export type PushChannel = (typeof PUSH_CHANNELS)[number];

export function isCommandChannel(value: unknown): value is CommandChannel {
  return typeof value === 'string' && (COMMAND_CHANNELS as readonly string[]).includes(value);
}

export function isHostCommandChannel(value: unknown): value is HostCommandChannel {
  return typeof value === 'string' && (HOST_COMMAND_CHANNELS as readonly string[]).includes(value);
}

export function isPushChannel(value: unknown): value is PushChannel {
  return typeof value === 'string' && (PUSH_CHANNELS as readonly string[]).includes(value);
}

/** The global the preload (Electron) or the bridge script (browser host) defines. */
export const BRIDGE_GLOBAL = 'auzap';
