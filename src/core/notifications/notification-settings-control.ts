/**
 * Changing the notification settings: pausing works out when the pause ends (from the
 * injected clock) and an alarm lifts it then, also a pause that ended while the app was
 * closed; resuming forgets the end.
 */
import type { NotificationSettingsPatch } from '../../shared/bridge';
import type { NotificationSettings } from '../../shared/inbox';
import { pauseEndsAt } from '../../shared/quiet-time';
import type { Lifecycle } from '../lifecycle';
import type { Scheduler } from '../ports';
import { createAlarm } from './alarm';

/** The settings after `patch`. */
function withPatch(current: NotificationSettings, patch: NotificationSettingsPatch, now: number): NotificationSettings {
  const { pauseFor, ...rest } = patch;
  const next: NotificationSettings = { ...current, ...rest };
  if (patch.paused === true) {
    const end = pauseEndsAt(pauseFor ?? 'until-resumed', now);
    next.pausedUntil = end === null ? null : new Date(end).toISOString();
  } else if (patch.paused === false) next.pausedUntil = null;
  return next;
}

const pauseEnd = (settings: NotificationSettings) =>
  settings.paused && settings.pausedUntil ? Date.parse(settings.pausedUntil) : null;

export function createNotificationSettingsControl(
  saved: { notifications(): NotificationSettings; setNotifications(settings: NotificationSettings): void },
  options: {
    clock: Scheduler;
    lifecycle: Lifecycle;
    /** The settings changed (the policy, the window and the tray are told). */
    onChanged: () => void;
  },
): (patch: NotificationSettingsPatch) => NotificationSettings {
  const update = (patch: NotificationSettingsPatch) => {
    const next = withPatch(saved.notifications(), patch, options.clock.now());
    saved.setNotifications(next);
    alarm.set(pauseEnd(next));
    options.onChanged();
    return saved.notifications();
  };
  const alarm = createAlarm(options.clock, () => update({ paused: false }));
  options.lifecycle.defer(() => alarm.cancel());
  alarm.set(pauseEnd(saved.notifications()));
  return update;
}
