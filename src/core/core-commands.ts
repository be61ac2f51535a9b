/**
 * The core's half of the bridge: what each renderer command does. Arguments arrive
 * validated (command-dispatcher); a command for a part that does not exist (no server
 * configured) is refused in words.
 */
import type { AppSnapshot, CoreCommandChannel, NotificationSettingsPatch } from '../shared/bridge';
import type { NotificationSettings } from '../shared/inbox';
import { muteEndsAt } from '../shared/quiet-time';
import { createCommandDispatcher, type CommandDispatcher, type CommandHandlers } from './command-dispatcher';
import type { InboxService } from './inbox/inbox-service';
import type { InboxStore } from './inbox/inbox-store';
import type { InstancesModel } from './instances/instances-model';
import type { NotificationPolicy } from './notifications/notification-policy';
import type { Clock, Logger } from './ports';
import type { ServerConnection } from './server-connection';
import { UserFacingError } from './user-facing-error';
import { text } from '../shared/i18n/user-text';

export interface CoreCommandDeps {
  logger: Logger;
  clock: Clock;
  snapshot: () => AppSnapshot;
  store: InboxStore;
  /** Null when no server is configured. */
  instances: InstancesModel | null;
  inbox: InboxService | null;
  connection: () => ServerConnection | null;
  notifications: NotificationPolicy;
  updateNotificationSettings: (patch: NotificationSettingsPatch) => NotificationSettings;
}

const notConnected = () => new UserFacingError(text('config.notConnected'), 'unavailable');

export function createCoreCommands(deps: CoreCommandDeps): CommandDispatcher {
  const { store, notifications } = deps;
  const instances = (): InstancesModel => deps.instances ?? fail(notConnected());
  const inbox = (): InboxService => deps.inbox ?? fail(notConnected());

  const handlers: Pick<CommandHandlers, CoreCommandChannel> = {
    'app:get-snapshot': () => deps.snapshot(),
    'connection:retry-now': () => {
      deps.connection()?.retryNow();
      return null;
    },
    'ui:view-changed': (view) => {
      notifications.setView(view);
      // Looking at a conversation is reading it.
      const inFocus = notifications.conversationInFocus();
      if (inFocus) {
        deps.inbox?.markRead(inFocus);
        notifications.forget(inFocus);
      }
      return null;
    },
    'instances:refresh': async () => {
      await instances().refresh();
      return null;
    },
    'instances:connect': async (args) => {
      await instances().connect(args);
      return null;
    },
    'instances:disconnect': async ({ instanceId }) => {
      await instances().disconnect(instanceId);
      return null;
    },
    'connect-flow:dismiss': ({ instanceId }) => {
      instances().dismiss(instanceId);
      return null;
    },
    'inbox:get-conversations': () => store.conversations(),
    'inbox:open-conversation': async ({ conversationId }) => {
      notifications.forget(conversationId);
      return inbox().open(conversationId);
    },
    'inbox:load-older': ({ conversationId }) => inbox().loadOlder(conversationId),
    'inbox:send': ({ conversationId, content }) => inbox().send(conversationId, content),
    'inbox:retry-send': ({ conversationId, localId }) => inbox().retry(conversationId, localId),
    'inbox:discard-reply': ({ conversationId, localId }) => {
      inbox().discard(conversationId, localId);
      return null;
    },
    'inbox:set-muted': ({ conversationId, muted, duration }) => {
      inbox().setMuted(conversationId, muted, muteEndsAt(duration ?? 'always', deps.clock.now()));
      if (muted) notifications.forget(conversationId);
      return null;
    },
    'notifications:update-settings': (patch) => deps.updateNotificationSettings(patch),
  };
  return createCommandDispatcher(handlers, deps.logger);
}

function fail(error: Error): never {
  throw error;
}
