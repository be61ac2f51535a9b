import { CONNECTION_STATUS_WORDS, type ConnectionState } from '../../../../shared/bridge';
import { runCommand } from '../../bridge/run-command';
import { useT } from '../../i18n/I18nProvider';
import { say } from '../../../../shared/i18n/user-text';

export function ConnectionStatus({ connection }: { connection: ConnectionState }) {
  const canRetry = connection.status === 'offline' || connection.status === 'connecting';
  const { t } = useT();
  return (
    <div
      className="connection"
      data-testid="connection-status"
      data-status={connection.status}
      role="status"
      aria-live="polite"
    >
      <span className={`connection__dot connection__dot--${connection.status}`} aria-hidden="true" />
      <span className="connection__label">{t(CONNECTION_STATUS_WORDS[connection.status])}</span>
      {connection.status === 'offline' && connection.attempt > 0 ? (
        <span className="connection__attempt">{t('connection.attempt', { attempt: connection.attempt })}</span>
      ) : null}
      {canRetry && connection.detail ? (
        <button type="button" className="link-button" onClick={() => void runCommand('connection:retry-now')}>
          {t('connection.retryNow')}
        </button>
      ) : null}
    </div>
  );
}

/** Why the app is not online, and — when the token was refused — the way to sign in. */
export function ConnectionBanner({ connection, onSignIn }: { connection: ConnectionState; onSignIn: () => void }) {
  const i18n = useT();
  const { t } = i18n;
  if (connection.status === 'online' || !connection.detail) return null;
  const signInNeeded = connection.status === 'auth_failed';
  return (
    <div
      className={`banner ${signInNeeded ? 'banner--error' : 'banner--warning'}`}
      data-testid="connection-detail"
      role="alert"
    >
      {say(i18n, connection.detail)}
      {signInNeeded ? (
        <button type="button" className="button banner__action" onClick={onSignIn} data-testid="sign-in">
          {t('connection.signIn')}
        </button>
      ) : null}
    </div>
  );
}
