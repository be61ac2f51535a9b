import type { ConnectionState } from '../../../../shared/bridge';
import { runCommand } from '../../bridge/run-command';
import { useT } from '../../i18n/I18nProvider';
import { say } from '../../../../shared/i18n/user-text';
import { connectionLabel, fieldToFix, unusableSettings, type SettingsField } from '../../../../shared/settings-fix';

export function ConnectionStatus({ connection }: { connection: ConnectionState }) {
  const canRetry =
    !unusableSettings(connection) && (connection.status === 'offline' || connection.status === 'connecting');
  const { t } = useT();
  return (
    <div className="connection" data-testid="connection-status" data-status={connection.status}>
      <span className={`connection__dot connection__dot--${connection.status}`} aria-hidden="true" />
      {/* Only the state is live: the attempt count changes every few seconds while offline, and
          a screen reader would say "Offline" again with each one. */}
      <span className="connection__label" role="status" aria-live="polite" data-testid="connection-status-label">
        {t(connectionLabel(connection))}
      </span>
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

/**
 * Why the app is not online, and — when Settings hold the fix (a refused token, a wrong
 * address, no organization) — the way there, to the field to change.
 */
export function ConnectionBanner({
  connection,
  onFix,
}: {
  connection: ConnectionState;
  onFix: (field: SettingsField) => void;
}) {
  const i18n = useT();
  const { t } = i18n;
  if (connection.status === 'online' || !connection.detail) return null;
  const field = fieldToFix(connection);
  return (
    <div
      className={`banner ${field ? 'banner--error' : 'banner--warning'}`}
      data-testid="connection-detail"
      role="alert"
    >
      {say(i18n, connection.detail)}
      {field ? (
        <button type="button" className="button banner__action" onClick={() => onFix(field)} data-testid="sign-in">
          {t(field === 'token' ? 'connection.signIn' : 'connection.openSettings')}
        </button>
      ) : null}
    </div>
  );
}
