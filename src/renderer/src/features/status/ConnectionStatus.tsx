import { CONNECTION_STATUS_WORDS, type ConnectionState } from '../../../../shared/bridge';
import { runCommand } from '../../bridge/run-command';

export function ConnectionStatus({ connection }: { connection: ConnectionState }) {
  const canRetry = connection.status === 'offline' || connection.status === 'connecting';
  return (
    <div
      className="connection"
      data-testid="connection-status"
      data-status={connection.status}
      role="status"
      aria-live="polite"
    >
      <span className={`connection__dot connection__dot--${connection.status}`} aria-hidden="true" />
      <span className="connection__label">{CONNECTION_STATUS_WORDS[connection.status]}</span>
      {connection.status === 'offline' && connection.attempt > 0 ? (
        <span className="connection__attempt">attempt {connection.attempt}</span>
      ) : null}
      {canRetry && connection.detail ? (
        <button type="button" className="link-button" onClick={() => void runCommand('connection:retry-now')}>
          Retry now
        </button>
      ) : null}
    </div>
  );
}

/** Why the app is not online, and — when the token was refused — the way to sign in. */
export function ConnectionBanner({ connection, onSignIn }: { connection: ConnectionState; onSignIn: () => void }) {
  if (connection.status === 'online' || !connection.detail) return null;
  const signInNeeded = connection.status === 'auth_failed';
  return (
    <div
      className={`banner ${signInNeeded ? 'banner--error' : 'banner--warning'}`}
      data-testid="connection-detail"
      role="alert"
    >
      {connection.detail}
      {signInNeeded ? (
        <button type="button" className="button banner__action" onClick={onSignIn} data-testid="sign-in">
          Sign in
        </button>
      ) : null}
    </div>
  );
}
