/**
 * The whole renderer↔main API in one map: commands (renderer invokes, main answers)
 * and pushes (main → renderer). Main validates every command's arguments with these
 * schemas; the renderer trusts what main sends. Both hosts (Electron IPC and the
 * browser host's WebSocket) carry exactly these messages.
 */
import { z } from 'zod';
import { isoTimestamp } from './events';
import { instanceStatus, phoneNumberDigits, sendMessageRequest } from './rest';
import {
  conversationView,
  conversationsDelta,
  inboxSummary,
  messageView,
  messagesDelta,
  notificationPrivacy,
  notificationSettings,
  threadPage,
} from './inbox';
import { muteDuration, pauseDuration } from './quiet-time';
import { languageChoice, localeState } from './i18n/locale';
import type { MessageKey } from './i18n/translate';
import { userText, type UserText } from './i18n/user-text';
import { updateChannel, updateState } from './updates';
import type { CommandChannel, PushChannel } from './bridge-channels';

export * from './bridge-channels';

// ---- state main shares with the renderer ------------------------------------

/** A change of the notification settings; `pauseFor` (default: until resumed) only counts when pausing. */
export const notificationSettingsPatch = z.object({
  paused: z.boolean().optional(),
  pauseFor: pauseDuration.optional(),
  privacy: notificationPrivacy.optional(),
});
export type NotificationSettingsPatch = z.infer<typeof notificationSettingsPatch>;

export const CONNECTION_STATUSES = ['connecting', 'online', 'offline', 'auth_failed'] as const;
export const connectionStatus = z.enum(CONNECTION_STATUSES);
export type ConnectionStatus = z.infer<typeof connectionStatus>;

/** The connection status in words: the window's status pill and the tray tooltip say the same. */
export const CONNECTION_STATUS_WORDS = {
  connecting: 'connection.connecting',
  online: 'connection.online',
  offline: 'connection.offline',
  auth_failed: 'connection.authFailed',
} as const satisfies Record<ConnectionStatus, MessageKey>;

export const connectionState = z.object({
  status: connectionStatus,
  /** Why we are in this state, as catalog words; null when online. */
  detail: userText.nullable(),
  since: isoTimestamp,
  /** Reconnection attempts since the connection was last up. */
  attempt: z.number().int().nonnegative(),
  transport: z.enum(['websocket', 'polling']).nullable(),
});
export type ConnectionState = z.infer<typeof connectionState>;

export const appInfo = z.object({
  serverUrl: z.string(),
  organizationId: z.string(),
  /** True when the app talks to its built-in simulator because no server is configured. */
  demo: z.boolean(),
  version: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;

export const diagnostics = z.object({
  droppedEvents: z.number().int().nonnegative(),
  lastDropped: z.object({ event: z.string(), reason: z.string(), at: isoTimestamp }).nullable(),
});

export const instanceView = z.object({
  id: z.string(),
  name: z.string(),
  status: instanceStatus,
  phoneNumber: z.string().nullable(),
  /** The last `whatsapp:disconnected` seen for this instance while it is not connected. */
  lastDisconnect: z.object({ reason: z.string().nullable(), at: isoTimestamp }).nullable(),
});
export type InstanceView = z.infer<typeof instanceView>;

export const connectMethod = z.enum(['qr', 'code']);
export type ConnectMethod = z.infer<typeof connectMethod>;

/**
 * Where one instance's connect flow is. Kept by main, so a reloaded window shows the
 * same QR / code and countdown.
 */
export const connectStage = z.discriminatedUnion('kind', [
  /** POST /instances/:id/connect is on its way. */
  z.object({ kind: z.literal('requesting') }),
  /** The server accepted; the QR / code has not arrived yet. */
  z.object({ kind: z.literal('waiting'), since: isoTimestamp, giveUpAt: isoTimestamp }),
  z.object({
    kind: z.literal('qr'),
    qr: z.string(),
    /** When the server generated it (event timestamp) and when we got it. */
    generatedAt: isoTimestamp,
    receivedAt: isoTimestamp,
    /** 1 for the first QR of the attempt. */
    sequence: z.number().int().positive(),
    /** When WhatsApp will replace it (first QR lives 60 s, later ones 20 s). */
    nextRefreshAt: isoTimestamp,
  }),
  z.object({
    kind: z.literal('code'),
    pairingCode: z.string(),
    generatedAt: isoTimestamp,
    expiresAt: isoTimestamp,
  }),
  z.object({ kind: z.literal('connected'), phoneNumber: z.string(), at: isoTimestamp }),
  /** The attempt failed before a QR/code: a REST error or nothing arrived in time. */
  z.object({ kind: z.literal('failed'), message: userText }),
  /** WhatsApp ended the attempt (`whatsapp:disconnected` during the flow). */
  z.object({ kind: z.literal('ended'), reason: z.string().nullable(), at: isoTimestamp }),
]);
export type ConnectStage = z.infer<typeof connectStage>;

export const connectFlow = z.object({
  instanceId: z.string(),
  method: connectMethod,
  phoneNumber: z.string().nullable(),
  startedAt: isoTimestamp,
  stage: connectStage,
});
export type ConnectFlow = z.infer<typeof connectFlow>;

export const appSnapshot = z.object({
  connection: connectionState,
  info: appInfo,
  diagnostics,
  instances: z.object({
    items: z.array(instanceView),
    /** null until the first successful load. */
    loadedAt: isoTimestamp.nullable(),
    /** Why the last refresh failed, as catalog words; null when it worked. */
    error: userText.nullable(),
  }),
  connectFlows: z.array(connectFlow),
  inbox: inboxSummary,
  notifications: notificationSettings,
});
export type AppSnapshot = z.infer<typeof appSnapshot>;

/** The parts of the snapshot that changed since the last push; the rest is as it was. */
export const appSnapshotPatch = appSnapshot.omit({ info: true }).partial();
export type AppSnapshotPatch = z.infer<typeof appSnapshotPatch>;

export const settingsView = z.object({
  /** '' = no server: the built-in demo backend. */
  serverUrl: z.string(),
  organizationId: z.string(),
  hasToken: z.boolean(),
  /** How the sign-in token is kept: encrypted by the OS keychain, in clear (said so), from the environment. */
  tokenStorage: z.enum(['encrypted', 'plain', 'environment', 'none']),
  encryptionAvailable: z.boolean(),
  /** AUZAP_SERVER_URL is set: the environment wins and the connection fields are read-only. */
  setByEnvironment: z.boolean(),
  launchAtLogin: z.boolean(),
  launchAtLoginSupported: z.boolean(),
  updateChannel,
  updatesSupported: z.boolean(),
  /** The Settings language choice ('system' follows the system). */
  language: languageChoice,
});
export type SettingsView = z.infer<typeof settingsView>;

// ---- the map -----------------------------------------------------------------

export const viewState = z.object({
  /** The window has focus (a notification would interrupt nothing the user is not already seeing). */
  focused: z.boolean(),
  visible: z.boolean(),
  conversationId: z.string().nullable(),
});
export type ViewState = z.infer<typeof viewState>;

export const connectRequestArgs = z.discriminatedUnion('method', [
  z.object({ instanceId: z.string().min(1), method: z.literal('qr') }),
  z.object({ instanceId: z.string().min(1), method: z.literal('code'), phoneNumber: phoneNumberDigits }),
]);
export type ConnectRequestArgs = z.infer<typeof connectRequestArgs>;

const conversationRef = z.object({ conversationId: z.string().min(1) });

interface CommandContract {
  args: z.ZodTuple;
  result: z.ZodType;
}

export const commandContracts = {
  'app:get-snapshot': { args: z.tuple([]), result: appSnapshot },
  /** Skip the backoff wait and try to reach the server now. */
  'connection:retry-now': { args: z.tuple([]), result: z.null() },
  /** The renderer says what the user is looking at (notification policy needs it). */
  'ui:view-changed': { args: z.tuple([viewState]), result: z.null() },
  'instances:refresh': { args: z.tuple([]), result: z.null() },
  /** Starts (or restarts) the connect flow; the QR / code then arrives in the snapshot. */
  'instances:connect': { args: z.tuple([connectRequestArgs]), result: z.null() },
  'instances:disconnect': { args: z.tuple([z.object({ instanceId: z.string().min(1) })]), result: z.null() },
  /** Closes a finished / failed / unwanted connect flow view. */
  'connect-flow:dismiss': { args: z.tuple([z.object({ instanceId: z.string().min(1) })]), result: z.null() },
  /** The whole conversation list, newest first; later changes arrive as `inbox:conversations` deltas. */
  'inbox:get-conversations': { args: z.tuple([]), result: z.array(conversationView) },
  /** Shows a conversation: marks it read and returns its newest messages (loading them if needed). */
  'inbox:open-conversation': { args: z.tuple([conversationRef]), result: threadPage },
  /** `messages`: the thread's start through the last message this fetch added; the window has the rest. */
  'inbox:load-older': { args: z.tuple([conversationRef]), result: threadPage },
  /** Sends at once as "sending"; the outcome arrives as an `inbox:messages` delta. */
  'inbox:send': {
    args: z.tuple([conversationRef.extend({ content: sendMessageRequest.shape.content })]),
    result: messageView,
  },
  'inbox:retry-send': { args: z.tuple([conversationRef.extend({ localId: z.string().min(1) })]), result: messageView },
  /** Only a reply that could not be sent; it leaves as an `inbox:messages` removal. */
  'inbox:discard-reply': { args: z.tuple([conversationRef.extend({ localId: z.string().min(1) })]), result: z.null() },
  /** `duration` (default: always) only counts when muting; main works out when it ends. */
  'inbox:set-muted': {
    args: z.tuple([conversationRef.extend({ muted: z.boolean(), duration: muteDuration.optional() })]),
    result: z.null(),
  },
  'notifications:update-settings': { args: z.tuple([notificationSettingsPatch]), result: notificationSettings },
  'settings:get': { args: z.tuple([]), result: settingsView },
  /** Saves where to connect and reconnects with a fresh core. Omitted token = keep the current one. */
  'settings:update-connection': {
    args: z.tuple([
      z.object({
        serverUrl: z.string().max(2048),
        organizationId: z.string().max(256),
        token: z.string().max(8192).optional(),
      }),
    ]),
    result: settingsView,
  },
  'settings:update-preferences': {
    args: z.tuple([
      z.object({
        launchAtLogin: z.boolean().optional(),
        updateChannel: updateChannel.optional(),
        language: languageChoice.optional(),
      }),
    ]),
    result: settingsView,
  },
  /** The window's navigator.languages (the system's, where the host cannot ask the OS); answers the language to show. */
  'locale:get': {
    args: z.tuple([z.object({ pageLanguages: z.array(z.string().max(64)).max(32) })]),
    result: localeState,
  },
  'updates:get-state': { args: z.tuple([]), result: updateState },
  'updates:check-now': { args: z.tuple([]), result: z.null() },
  'updates:restart': { args: z.tuple([]), result: z.null() },
  'updates:later': { args: z.tuple([]), result: z.null() },
} satisfies Record<CommandChannel, CommandContract>;

export const pushContracts = {
  'app:snapshot': appSnapshot,
  'app:snapshot-patch': appSnapshotPatch,
  'inbox:conversations': conversationsDelta,
  'inbox:messages': messagesDelta,
  /** A notification was clicked: show this conversation. */
  'ui:open-conversation': z.object({ conversationId: z.string() }),
  /** A number's notification (it dropped, it connected) was clicked: show that number's page. */
  'ui:open-instance': z.object({ instanceId: z.string() }),
  'updates:state': updateState,
  /** The language changed (Settings, or the system's as the host learnt it). */
  'locale:changed': localeState,
} satisfies Record<PushChannel, z.ZodType>;

export type CommandArgs<C extends CommandChannel> = z.input<(typeof commandContracts)[C]['args']>;
export type CommandResult<C extends CommandChannel> = z.output<(typeof commandContracts)[C]['result']>;
export type PushPayload<P extends PushChannel> = z.output<(typeof pushContracts)[P]>;

/** What crosses the wire for a command: never a thrown Error, always data. */
export type CommandOutcome<C extends CommandChannel = CommandChannel> =
  { ok: true; value: CommandResult<C> } | { ok: false; error: BridgeErrorInfo };

export const BRIDGE_ERROR_CODES = [
  'unknown_channel',
  'invalid_arguments',
  'not_allowed',
  'failed',
  'internal',
  'unavailable',
] as const;
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];
export interface BridgeErrorInfo {
  code: BridgeErrorCode;
  /** Catalog words, shown in the window's language. */
  message: UserText;
}

/** The object exposed to the renderer as `window.auzap`. */
export interface AuzapBridge {
  invoke<C extends CommandChannel>(channel: C, ...args: CommandArgs<C>): Promise<CommandOutcome<C>>;
  on<P extends PushChannel>(channel: P, listener: (payload: PushPayload<P>) => void): () => void;
}
