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

export function ConnectionBanner({ connection }: { connection: ConnectionState }) {
  if (connection.status === 'online' || !connection.detail) return null;
  const tone = connection.status === 'auth_failed' ? 'banner--error' : 'banner--warning';
  return (
    <div className={`banner ${tone}`} data-testid="connection-detail" role="alert">
      {connection.detail}
    </div>
  );
}
