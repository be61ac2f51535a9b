import type { UpdateState } from '../../../../shared/updates';
import { runCommand } from '../../bridge/run-command';

const run = (channel: 'updates:check-now' | 'updates:restart' | 'updates:later') => void runCommand(channel);

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Where the update stands, with the one action that makes sense now. */
export function UpdatePanel({ state, supported }: { state: UpdateState | null; supported: boolean }) {
  if (!supported || !state) {
    return (
      <p className="muted" data-testid="updates-unavailable">
        Updates are installed by the AuZap desktop app.
      </p>
    );
  }
  return (
    <div className="update-panel" data-testid="update-panel" data-status={state.status}>
      {state.status === 'idle' || state.status === 'not-available' ? (
        <p>{state.status === 'not-available' ? 'AuZap is up to date.' : 'Updates are checked automatically.'}</p>
      ) : null}
      {state.status === 'checking' ? <p>Checking for updates…</p> : null}
      {state.status === 'available' ? (
        <p>Version {state.version} is available; downloading in the background…</p>
      ) : null}
      {state.status === 'downloading' ? (
        <div>
          <p>
            Downloading version {state.version}
            {state.total ? ` (${formatBytes(state.transferred ?? 0)} of ${formatBytes(state.total)})` : ''}…
          </p>
          <progress max={100} value={state.percent ?? 0} aria-label="Update download progress" />
        </div>
      ) : null}
      {state.status === 'downloaded' ? <UpdateReady state={state} /> : null}
      {state.status === 'error' ? (
        <p className="field-error" role="alert">
          {state.error ?? 'The update failed.'} AuZap keeps working; it will try again later.
        </p>
      ) : null}
      {state.status !== 'downloading' && state.status !== 'checking' ? (
        <button type="button" className="button" onClick={() => run('updates:check-now')}>
          Check for updates
        </button>
      ) : null}
    </div>
  );
}

function UpdateReady({ state }: { state: UpdateState }) {
  return (
    <div className="flow__actions">
      <p>Version {state.version} is ready. It installs when AuZap restarts.</p>
      <button type="button" className="button button--primary" onClick={() => run('updates:restart')}>
        Restart to update
      </button>
      {!state.dismissed ? (
        <button type="button" className="button" onClick={() => run('updates:later')}>
          Later
        </button>
      ) : null}
    </div>
  );
}
