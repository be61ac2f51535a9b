/**
 * The update state as a pure reducer over the updater's events (the names are
 * electron-updater's). Errors become catalog words (a code and its parameters: the window
 * chooses the language); nothing here blocks the app — an error is a state to show, and
 * the next check starts over.
 */
import { text, type UserText } from '../../shared/i18n/user-text';
import type { UpdateState } from '../../shared/updates';

/** The parts of electron-updater's UpdateInfo the window uses. */
export interface UpdateInfoLike {
  version: string;
  releaseNotes?: string | ReadonlyArray<{ version: string; note?: string | null }> | null;
}

/** electron-updater's ProgressInfo. */
export interface ProgressLike {
  percent: number;
  bytesPerSecond: number;
  transferred: number;
  total: number;
}

export type UpdaterEvent =
  | { type: 'checking-for-update' }
  | { type: 'update-available'; info: UpdateInfoLike }
  | { type: 'update-not-available'; info?: UpdateInfoLike }
  | { type: 'download-progress'; progress: ProgressLike }
  | { type: 'update-downloaded'; info: UpdateInfoLike }
  | { type: 'error'; error: unknown };

export const UPDATE_ERROR_WORDS = {
  checksum: text('updates.error.checksum'),
  network: text('updates.error.network'),
  notFound: text('updates.error.notFound'),
  server: text('updates.error.server'),
  badFeed: text('updates.error.badFeed'),
  signature: text('updates.error.signature'),
  diskFull: text('updates.error.diskFull'),
  noPermission: text('updates.error.noPermission'),
  unknown: text('updates.error.unknown'),
} as const satisfies Record<string, UserText>;

/** An updater's own message is shown as a quote, its first line only and bounded (never a stack). */
const MAX_DETAIL = 200;

function unknownError(message: string): UserText {
  const detail = message.split('\n')[0]?.trim() ?? '';
  if (!detail) return UPDATE_ERROR_WORDS.unknown;
  return text('updates.error.unknownSaying', {
    detail: detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL - 1)}…` : detail,
  });
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EPIPE',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/** electron-updater errors carry a `code` (ERR_UPDATER_*, ERR_CHECKSUM_MISMATCH, node's E*). */
export function describeUpdateError(error: unknown): UserText {
  const code = String(field(error, 'code') ?? '');
  const status = Number(field(error, 'statusCode'));
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';

  if (code === 'ERR_CHECKSUM_MISMATCH' || /checksum mismatch/i.test(message)) return UPDATE_ERROR_WORDS.checksum;
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE' || /not signed by the application owner/i.test(message)) {
    return UPDATE_ERROR_WORDS.signature;
  }
  if (code === 'ENOSPC') return UPDATE_ERROR_WORDS.diskFull;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return UPDATE_ERROR_WORDS.noPermission;
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' || status === 404) return UPDATE_ERROR_WORDS.notFound;
  if (status >= 500 && status <= 599) return UPDATE_ERROR_WORDS.server;
  if (
    NETWORK_CODES.has(code) ||
    // Electron's net module reports Chromium errors in the message: net::ERR_INTERNET_DISCONNECTED, …
    /net::ERR_|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|timed out|socket hang up|getaddrinfo/i.test(
      message,
    )
  ) {
    return UPDATE_ERROR_WORDS.network;
  }
  if (
    code === 'ERR_UPDATER_INVALID_UPDATE_INFO' ||
    code === 'ERR_UPDATER_INVALID_VERSION' ||
    code === 'ERR_UPDATER_NO_FILES_PROVIDED' ||
    code === 'ERR_UPDATER_NO_CHECKSUM'
  ) {
    return UPDATE_ERROR_WORDS.badFeed;
  }
  return unknownError(message);
}

/** Release notes as one plain string (electron-updater gives a list with fullChangelog). */
export function releaseNotesText(notes: UpdateInfoLike['releaseNotes']): string | null {
  if (notes == null) return null;
  if (typeof notes === 'string') return notes;
  const lines = notes.filter((n) => n.note).map((n) => `${n.version}: ${n.note}`);
  return lines.length > 0 ? lines.join('\n\n') : null;
}

const finite = (n: number): number | undefined => (Number.isFinite(n) && n >= 0 ? n : undefined);

/** The state with only what every status keeps: the channel and the "later" choice. */
function base(state: UpdateState): UpdateState {
  return state.dismissed
    ? { status: state.status, channel: state.channel, dismissed: true }
    : { status: state.status, channel: state.channel };
}

export function reduceUpdateState(state: UpdateState, event: UpdaterEvent, now: Date): UpdateState {
  const checkedAt = now.toISOString();
  // A downloaded update stays on offer until the restart: a later check that finds the
  // same version (electron-updater re-emits available → downloaded from its cache)
  // must not hide the "Restart to update" prompt.
  const holdingDownload = state.status === 'downloaded';

  switch (event.type) {
    case 'checking-for-update':
      if (holdingDownload || state.status === 'downloading') return state;
      return { ...base(state), status: 'checking', ...(state.checkedAt && { checkedAt: state.checkedAt }) };

    case 'update-available':
      if (holdingDownload && event.info.version === state.version) return { ...state, checkedAt };
      return {
        ...base(state),
        status: 'available',
        version: event.info.version,
        releaseNotes: releaseNotesText(event.info.releaseNotes),
        checkedAt,
      };

    case 'update-not-available':
      if (holdingDownload) return { ...state, checkedAt };
      return { ...base(state), status: 'not-available', checkedAt };

    case 'download-progress': {
      const { percent, bytesPerSecond, transferred, total } = event.progress;
      const p = finite(percent);
      return {
        ...base(state),
        status: 'downloading',
        ...(state.version && { version: state.version }),
        ...(state.releaseNotes !== undefined && { releaseNotes: state.releaseNotes }),
        ...(state.checkedAt && { checkedAt: state.checkedAt }),
        percent: p === undefined ? 0 : Math.min(100, p),
        bytesPerSecond: finite(bytesPerSecond),
        transferred: finite(transferred),
        total: finite(total),
      };
    }

    case 'update-downloaded':
      return {
        ...base(state),
        status: 'downloaded',
        version: event.info.version,
        releaseNotes: releaseNotesText(event.info.releaseNotes) ?? state.releaseNotes ?? null,
        percent: 100,
        ...(state.checkedAt && { checkedAt: state.checkedAt }),
      };

    case 'error':
      return {
        ...base(state),
        status: 'error',
        error: describeUpdateError(event.error),
        // Keep which version failed, so the window can say "Version X could not…".
        ...(state.version && { version: state.version }),
        ...(state.checkedAt && { checkedAt: state.checkedAt }),
      };
  }
}
