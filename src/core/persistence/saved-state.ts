/**
 * The core's state that survives a restart, live: the inbox store and the notification
 * settings as they were saved for this server and organization, and the debounced
 * saving of both (other organizations' saved inboxes are carried along untouched).
 */
import type { NotificationSettings } from '../../shared/inbox';
import { exportRecent, importPersisted } from '../inbox/inbox-snapshot';
import { createInboxStore, type InboxStore } from '../inbox/inbox-store';
import type { ShelfLimits } from '../inbox/thread-shelf';
import type { Lifecycle } from '../lifecycle';
import type { Logger, Scheduler } from '../ports';
import { composePersistedState, PERSIST_LIMITS, readPersistedState } from './persisted-state';
import { createSaver, type StateFile } from './state-file';

export interface SavedState {
  store: InboxStore;
  notifications(): NotificationSettings;
  setNotifications(settings: NotificationSettings): void;
  /** Something worth keeping changed: save soon (debounced). Saved once more when the core stops. */
  scheduleSave(): void;
  /** Writes what a pending save would, now and synchronously (the session is ending). */
  saveNow(): void;
}

export function openSavedState(options: {
  stateFile?: StateFile;
  /** inboxScope(server, organization): another organization's inbox is never shown. */
  scope: string;
  logger: Logger;
  clock: Scheduler;
  lifecycle: Lifecycle;
  limits?: ShelfLimits;
}): SavedState {
  const { stateFile, scope, logger } = options;
  const loaded = readPersistedState(stateFile?.load().data, scope);
  if (loaded.problem) {
    // Keep the original before the first save replaces it: it may hold what the user needs.
    const copy = stateFile?.preserveCopy();
    logger.warn(`${loaded.problem}${copy ? ` The original was kept as ${copy}.` : ''}`);
  }
  let notifications = loaded.notifications;
  const store = createInboxStore(options.limits);
  if (loaded.inbox) importPersisted(store, loaded.inbox);

  const collect = () =>
    composePersistedState(notifications, { scope, ...exportRecent(store, PERSIST_LIMITS) }, loaded.otherInboxes);
  const saver = stateFile ? createSaver(stateFile, collect, options.clock) : null;
  const scheduleSave = options.lifecycle.guard(() => saver?.schedule());
  options.lifecycle.defer(() => saver?.flush());

  return {
    store,
    notifications: () => notifications,
    setNotifications(settings) {
      notifications = settings;
      scheduleSave();
    },
    scheduleSave,
    saveNow: options.lifecycle.guard(() => saver?.flush()),
  };
}
