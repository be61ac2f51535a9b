import { useState } from 'react';
import type { NotificationPrivacy, NotificationSettings } from '../../../../shared/inbox';
import { runCommand } from '../../bridge/run-command';
import { useT } from '../../i18n/I18nProvider';

const PRIVACY_LABELS = {
  full: 'privacy.full',
  name: 'privacy.name',
  none: 'privacy.none',
} as const satisfies Record<NotificationPrivacy, string>;

/** Pause and privacy for desktop notifications, always one click away. */
export function NotificationControls({ settings }: { settings: NotificationSettings }) {
  // Shown at once, before main confirms: a toggle that snaps back and forth is not calm.
  const [pending, setPending] = useState<Partial<NotificationSettings>>({});
  const { t } = useT();
  const shown = { ...settings, ...pending };
  const update = (patch: Partial<NotificationSettings>) => {
    setPending((current) => ({ ...current, ...patch }));
    void runCommand('notifications:update-settings', patch).finally(() => setPending({}));
  };
  return (
    <div className="notification-controls">
      <label className="toggle">
        <input
          type="checkbox"
          checked={shown.paused}
          onChange={(e) => update({ paused: e.target.checked })}
          data-testid="pause-notifications"
        />
        {t('notifications.pause')}
      </label>
      <select
        className="select"
        aria-label={t('privacy.label')}
        value={shown.privacy}
        onChange={(e) => update({ privacy: e.target.value as NotificationPrivacy })}
        data-testid="notification-privacy"
      >
        {(Object.keys(PRIVACY_LABELS) as NotificationPrivacy[]).map((value) => (
          <option key={value} value={value}>
            {t(PRIVACY_LABELS[value])}
          </option>
        ))}
      </select>
    </div>
  );
}
