// Apart from UpdatePanel: the banner is part of the first load, the panel comes with Settings.
import type { UpdateState } from '../../../../shared/updates';
import { runCommand } from '../../bridge/run-command';
import { useT } from '../../i18n/I18nProvider';

const run = (channel: 'updates:restart' | 'updates:later') => void runCommand(channel);

/** A calm one-line prompt across the window once an update is ready (until "Later"). */
export function UpdateBanner({ state }: { state: UpdateState | null }) {
  const { t } = useT();
  if (state?.status !== 'downloaded' || state.dismissed) return null;
  return (
    <div className="banner banner--info" role="status" data-testid="update-banner">
      {t('updates.bannerReady', { version: state.version ?? '' })}{' '}
      <button type="button" className="link-button" onClick={() => run('updates:restart')}>
        {t('updates.restart')}
      </button>{' '}
      ·{' '}
      <button type="button" className="link-button" onClick={() => run('updates:later')}>
        {t('common.later')}
      </button>
    </div>
  );
}
