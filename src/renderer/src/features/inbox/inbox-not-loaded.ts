import type { AppSnapshot } from '../../../../shared/bridge';
import type { MessageKey } from '../../../../shared/i18n/translate';
import { unusableSettings } from '../../../../shared/settings-fix';

/**
 * Why the inbox is empty when it has never been loaded and cannot be now (the server was
 * never reached, the sign-in was refused, or the server's answer failed and the sync tries
 * again by itself): said instead of "no conversations yet" or
 * "all read", which would claim something nobody knows. Null when the inbox is known.
 */
export function inboxNotLoaded(snapshot: Pick<AppSnapshot, 'inbox' | 'connection'>): MessageKey | null {
  if (snapshot.inbox.lastSyncAt !== null || snapshot.inbox.conversationCount > 0) return null;
  if (unusableSettings(snapshot.connection)) return 'inbox.notLoaded.settings';
  if (snapshot.connection.status === 'auth_failed') return 'inbox.notLoaded.signIn';
  if (snapshot.connection.status === 'offline') return 'inbox.notLoaded.offline';
  if (snapshot.inbox.syncError) return 'inbox.notLoaded.retrying';
  return null;
}
