import { memo, useState } from 'react';
import type { NotificationPrivacy, NotificationSettings } from '../../../../shared/inbox';
import type { NotificationSettingsPatch } from '../../../../shared/bridge';
import {
  endClockTime,
  morningPauseWords,
  PAUSE_DURATIONS,
  pauseDuration,
  remainingWords,
} from '../../../../shared/quiet-time';
import { runCommand } from '../../bridge/run-command';
import { useChoiceOnCommit } from '../../hooks/useChoiceOnCommit';
import { useNow } from '../../hooks/useNow';
import { useT } from '../../i18n/I18nProvider';

const PRIVACY_LABELS = {
  full: 'privacy.full',
  name: 'privacy.name',
  none: 'privacy.none',
} as const satisfies Record<NotificationPrivacy, string>;

/**
 * Pause and privacy for desktop notifications, always one click away. Memoized: the top
 * bar renders with every change of the unread count, and the pause menu's times cost a
 * date formatter each.
 */
export const NotificationControls = memo(function NotificationControls({
  settings,
}: {
  settings: NotificationSettings;
}) {
  // Shown at once, before main confirms: a toggle that snaps back and forth is not calm.
  const [pending, setPending] = useState<Partial<NotificationSettings>>({});
  const { t } = useT();
  const shown = { ...settings, ...pending };
  const update = (patch: NotificationSettingsPatch) => {
    const { pauseFor: _pauseFor, ...visible } = patch;
    setPending((current) => ({ ...current, ...visible }));
    void runCommand('notifications:update-settings', patch).finally(() => setPending({}));
  };
  return (
    <div className="notification-controls">
      <span className="focus-home" data-focus-home="">
        <PauseControl settings={shown} onChange={update} />
      </span>
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
});

/**
 * Pause for 1 hour, until tomorrow morning or until turned back on; while paused, until
 * when and what is left, and Resume.
 */
function PauseControl({
  settings,
  onChange,
}: {
  settings: NotificationSettings;
  onChange: (patch: NotificationSettingsPatch) => void;
}) {
  const { t, locale } = useT();
  const now = useNow(30_000);
  const choice = useChoiceOnCommit('', (value) => {
    const chosen = pauseDuration.safeParse(value);
    if (chosen.success) onChange({ paused: true, pauseFor: chosen.data });
  });
  // The select and Resume swap places: whichever shows takes the focus (useFocusRescue).
  if (!settings.paused) {
    const morning = morningPauseWords(now, locale);
    return (
      <select
        className="select"
        aria-label={t('pause.label')}
        {...choice}
        data-testid="pause-notifications"
        data-focus-target=""
      >
        <option value="">{t('pause.none')}</option>
        {PAUSE_DURATIONS.map((duration) => (
          <option key={duration} value={duration}>
            {t(`pause.for.${duration}`, morning)}
          </option>
        ))}
      </select>
    );
  }
  return <PausedState pausedUntil={settings.pausedUntil ?? null} onResume={() => onChange({ paused: false })} />;
}

/** Its own clock, started when the pause shows: the time left is never read off an older tick. */
function PausedState({ pausedUntil, onResume }: { pausedUntil: string | null; onResume: () => void }) {
  const { t, locale } = useT();
  const now = useNow(30_000);
  const until = pausedUntil ? Date.parse(pausedUntil) : null;
  return (
    <span className="pause-control">
      <span role="status" data-testid="pause-state">
        {until === null
          ? t('pause.on')
          : t('pause.onUntil', { time: endClockTime(until, locale), left: remainingWords(until, now, t) })}
      </span>
      <button type="button" className="button" onClick={onResume} data-testid="pause-resume" data-focus-target="">
        {t('pause.resume')}
      </button>
    </span>
  );
}
