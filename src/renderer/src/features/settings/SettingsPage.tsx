import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConnectionState, SettingsView } from '../../../../shared/bridge';
import type { NotificationSettings } from '../../../../shared/inbox';
import type { LanguageChoice } from '../../../../shared/i18n/locale';
import type { UpdateChannel } from '../../../../shared/updates';
import { say, type UserText } from '../../../../shared/i18n/user-text';
import { failureText, invoke } from '../../bridge/bridge-client';
import { runCommand } from '../../bridge/run-command';
import { UpdatePanel } from '../updates/UpdatePanel';
import { useUpdateState } from '../updates/useUpdateState';
import { useT } from '../../i18n/I18nProvider';
import type { FixRequest } from '../../../../shared/settings-fix';
import type { MessageKey } from '../../../../shared/i18n/translate';
import { useFixFocus } from './useFixFocus';
import { LanguageSetting } from './LanguageSetting';
import { NotificationControls } from './NotificationControls';

const TOKEN_WORDS = {
  encrypted: 'settings.token.encrypted',
  plain: 'settings.token.plain',
  environment: 'settings.token.environment',
  none: 'settings.token.none',
} as const satisfies Record<SettingsView['tokenStorage'], string>;

/** Where AuZap connects, how it notifies, how it starts and updates. */
export function SettingsPage({
  notifications,
  connection,
  fixRequest,
}: {
  notifications: NotificationSettings;
  /** The connection now: what a save led to is said under the form. */
  connection: ConnectionState;
  /** Set from the connection banner ("Sign in", "Open Settings"): the field to focus (again on every new request). */
  fixRequest: FixRequest | null;
}) {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<UserText | null>(null);
  const updates = useUpdateState();
  const i18n = useT();
  const { t } = i18n;
  // Opened (from ⚙, the menu or a shortcut), the keyboard starts in Settings, not six Tabs
  // away on the button that opened them; a banner's "Open Settings" focuses its field instead.
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = settings !== null;
  useEffect(() => {
    if (loaded && fixRequest === null) heading.current?.focus();
  }, [loaded, fixRequest]);

  useEffect(() => {
    invoke('settings:get')
      .then(setSettings)
      .catch((failure: unknown) => setLoadError(failureText(failure, 'settings.loadFailed')));
  }, []);

  const savePreference = (patch: {
    launchAtLogin?: boolean;
    updateChannel?: UpdateChannel;
    language?: LanguageChoice;
  }) =>
    void runCommand('settings:update-preferences', patch).then((next) => {
      if (next) setSettings(next);
    });

  if (loadError) {
    return (
      <p className="banner banner--error" role="alert">
        {say(i18n, loadError)}
      </p>
    );
  }
  if (!settings) return <p className="muted">{t('settings.loading')}</p>;

  return (
    <div className="settings" data-testid="settings-page" data-focus-home="">
      <h1 ref={heading} tabIndex={-1}>
        {t('settings.title')}
      </h1>
      <ConnectionSettings settings={settings} onSaved={setSettings} fixRequest={fixRequest} connection={connection} />
      <section className="settings__section">
        <h2>{t('settings.notifications')}</h2>
        <NotificationControls settings={notifications} />
        <p className="muted">{t('settings.muteHint')}</p>
      </section>
      <section className="settings__section">
        <h2>{t('settings.app')}</h2>
        <LanguageSetting value={settings.language} onChange={(language) => savePreference({ language })} />
        {settings.launchAtLoginSupported ? (
          <label className="toggle">
            <input
              type="checkbox"
              checked={settings.launchAtLogin}
              onChange={(e) => savePreference({ launchAtLogin: e.target.checked })}
            />
            {t('settings.launchAtLogin')}
          </label>
        ) : null}
        <label className="settings__field">
          {t('settings.updateChannel')}
          <select
            className="select"
            value={settings.updateChannel}
            onChange={(e) => savePreference({ updateChannel: e.target.value as UpdateChannel })}
            data-testid="update-channel"
          >
            <option value="stable">{t('settings.channel.stable')}</option>
            <option value="beta">{t('settings.channel.beta')}</option>
          </select>
        </label>
      </section>
      <section className="settings__section">
        <h2>{t('settings.updates')}</h2>
        <UpdatePanel state={updates} supported={settings.updatesSupported} />
      </section>
    </div>
  );
}

/** What came of a save: reconnecting until the connection started after it settles. */
function savedOutcome(connection: ConnectionState, savedAt: number, hasToken: boolean) {
  if (Date.parse(connection.since) < savedAt) return 'settings.savedReconnecting' as const;
  if (connection.status === 'online') return 'settings.savedConnected' as const;
  if (connection.detail?.key === 'config.noOrganization') return 'settings.savedNeedsOrganization' as const;
  // With no token nothing was refused: one is still to be given.
  if (connection.status === 'auth_failed') return hasToken ? 'settings.savedSignInRefused' : 'settings.savedNeedsToken';
  return 'settings.savedReconnecting' as const;
}

function ConnectionSettings({
  settings,
  onSaved,
  fixRequest,
  connection,
}: {
  settings: SettingsView;
  onSaved: (s: SettingsView) => void;
  fixRequest: FixRequest | null;
  connection: ConnectionState;
}) {
  const { serverUrlField, organizationField, tokenField } = useFixFocus(fixRequest);
  const [serverUrl, setServerUrl] = useState(settings.serverUrl);
  const [organizationId, setOrganizationId] = useState(settings.organizationId);
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<UserText | null>(null);
  /** When the last save began (ms), null until one succeeds. */
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const locked = settings.setByEnvironment;
  const i18n = useT();
  const { t } = i18n;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setSavedAt(null);
    const startedAt = Date.now();
    try {
      const next = await invoke('settings:update-connection', {
        serverUrl,
        organizationId,
        ...(token ? { token } : {}),
      });
      setToken('');
      setSavedAt(startedAt);
      onSaved(next);
    } catch (failure) {
      setProblem(failureText(failure, 'settings.saveFailed'));
    }
    setBusy(false);
  };

  return (
    <form className="settings__section" onSubmit={(e) => void save(e)} noValidate data-testid="connection-settings">
      <h2>{t('settings.connection')}</h2>
      {locked ? (
        <p className="notice notice--info">{t('settings.lockedByEnvironment')}</p>
      ) : (
        <p className="muted">{t('settings.demoHint')}</p>
      )}
      <label className="settings__field">
        {t('settings.serverUrl')}
        <input
          className="input"
          type="url"
          placeholder="https://api.auzap.com"
          ref={serverUrlField}
          value={serverUrl}
          disabled={locked}
          onChange={(e) => setServerUrl(e.target.value)}
          data-testid="server-url"
        />
      </label>
      <label className="settings__field">
        {t('settings.organization')}
        <input
          className="input"
          ref={organizationField}
          value={organizationId}
          disabled={locked}
          onChange={(e) => setOrganizationId(e.target.value)}
          data-testid="organization-id"
        />
      </label>
      <label className="settings__field">
        {t('settings.token')}
        <input
          ref={tokenField}
          className="input"
          type="password"
          autoComplete="off"
          placeholder={t(tokenPlaceholder(settings))}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          data-testid="token"
        />
        <span className="muted" data-testid="token-storage">
          {t(TOKEN_WORDS[settings.tokenStorage])}
        </span>
      </label>
      {problem ? (
        <p className="field-error" role="alert" data-testid="settings-problem">
          {say(i18n, problem)}
        </p>
      ) : null}
      {savedAt !== null ? (
        <p className="muted" role="status" data-testid="settings-saved">
          {t(savedOutcome(connection, savedAt, settings.tokenStorage !== 'none'))}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={busy || (locked && !token)}>
        {t(locked ? 'settings.useToken' : 'settings.save')}
      </button>
    </form>
  );
}

/** What the empty token field says: a token from the environment is not one saved here. */
function tokenPlaceholder(settings: SettingsView): MessageKey {
  if (settings.tokenStorage === 'environment') return 'settings.token.replaceEnvironment';
  return settings.hasToken ? 'settings.token.replace' : 'settings.token.paste';
}
