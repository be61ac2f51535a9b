// Apart from UpdatePanel: the banner is part of the first load, the panel comes with Settings.
import type { UpdateState } from '../../../../shared/updates';
import { runCommand } from '../../bridge/run-command';

const run = (channel: 'updates:restart' | 'updates:later') => void runCommand(channel);

/** A calm one-line prompt across the window once an update is ready (until "Later"). */
export function UpdateBanner({ state }: { state: UpdateState | null }) {
  if (state?.status !== 'downloaded' || state.dismissed) return null;
  return (
    <div className="banner banner--info" role="status" data-testid="update-banner">
      AuZap {state.version} is ready.{' '}
      <button type="button" className="link-button" onClick={() => run('updates:restart')}>
        Restart to update
      </button>{' '}
      ·{' '}
      <button type="button" className="link-button" onClick={() => run('updates:later')}>
        Later
      </button>
    </div>
  );
}
