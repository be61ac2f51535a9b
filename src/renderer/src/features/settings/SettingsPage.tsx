import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SettingsView } from '../../../../shared/bridge';
import type { NotificationSettings } from '../../../../shared/inbox';
import type { LanguageChoice } from '../../../../shared/i18n/locale';
import type { UpdateChannel } from '../../../../shared/updates';
import { BridgeCommandError, invoke } from '../../bridge/bridge-client';
import { runCommand } from '../../bridge/run-command';
import { UpdatePanel } from '../updates/UpdatePanel';
import { useUpdateState } from '../updates/useUpdateState';
import { LanguageSetting } from './LanguageSetting';
import { NotificationControls } from './NotificationControls';

const TOKEN_WORDS: Record<SettingsView['tokenStorage'], string> = {
  encrypted: 'Saved, encrypted with your system keychain.',
  plain: 'Saved unencrypted on this computer: no system keychain is available here.',
  environment: 'Set by AUZAP_TOKEN in the environment.',
  none: 'No sign-in token saved.',
};

const message = (failure: unknown, fallback: string) =>
  failure instanceof BridgeCommandError ? failure.message : fallback;

/** Where AuZap connects, how it notifies, how it starts and updates. */
export function SettingsPage({
  notifications,
  signInRequest,
}: {
  notifications: NotificationSettings;
  /** Set when "Sign in" was pressed: the token field is focused (again on every new number). */
  signInRequest: number | null;
}) {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const updates = useUpdateState();

  useEffect(() => {
    invoke('settings:get')
      .then(setSettings)
      .catch((failure: unknown) => setLoadError(message(failure, 'Could not load the settings.')));
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
        {loadError}
      </p>
    );
  }
  if (!settings) return <p className="muted">Loading settings…</p>;

  return (
    <div className="settings" data-testid="settings-page">
      <h1>Settings</h1>
      <ConnectionSettings settings={settings} onSaved={setSettings} signInRequest={signInRequest} />
      <section className="settings__section">
        <h2>Notifications</h2>
        <NotificationControls settings={notifications} />
        <p className="muted">Mute a single conversation from its header.</p>
      </section>
      <section className="settings__section">
        <h2>App</h2>
        <LanguageSetting value={settings.language} onChange={(language) => savePreference({ language })} />
        {settings.launchAtLoginSupported ? (
          <label className="toggle">
            <input
              type="checkbox"
              checked={settings.launchAtLogin}
              onChange={(e) => savePreference({ launchAtLogin: e.target.checked })}
            />
            Open AuZap when I log in
          </label>
        ) : null}
        <label className="settings__field">
          Update channel
          <select
            className="select"
            value={settings.updateChannel}
            onChange={(e) => savePreference({ updateChannel: e.target.value as UpdateChannel })}
            data-testid="update-channel"
          >
            <option value="stable">Stable</option>
            <option value="beta">Beta (earlier, less tested)</option>
          </select>
        </label>
      </section>
      <section className="settings__section">
        <h2>Updates</h2>
        <UpdatePanel state={updates} supported={settings.updatesSupported} />
      </section>
    </div>
  );
}

function ConnectionSettings({
  settings,
  onSaved,
  signInRequest,
}: {
  settings: SettingsView;
  onSaved: (s: SettingsView) => void;
  signInRequest: number | null;
}) {
  const tokenField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (signInRequest === null) return;
    tokenField.current?.focus();
    tokenField.current?.scrollIntoView({ block: 'center' });
  }, [signInRequest]);
  const [serverUrl, setServerUrl] = useState(settings.serverUrl);
  const [organizationId, setOrganizationId] = useState(settings.organizationId);
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const locked = settings.setByEnvironment;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      const next = await invoke('settings:update-connection', {
        serverUrl,
        organizationId,
        ...(token ? { token } : {}),
      });
      setToken('');
      setSaved(true);
      onSaved(next);
    } catch (failure) {
      setProblem(message(failure, 'Could not save. Nothing was changed.'));
    }
    setBusy(false);
  };

  return (
    <form className="settings__section" onSubmit={(e) => void save(e)} noValidate data-testid="connection-settings">
      <h2>Connection</h2>
      {locked ? (
        <p className="notice notice--info">
          The server is set by AUZAP_SERVER_URL in the environment, so it is read-only here. A token typed below
          replaces AUZAP_TOKEN until AuZap restarts.
        </p>
      ) : (
        <p className="muted">Leave the server empty to use the built-in demo backend.</p>
      )}
      <label className="settings__field">
        Server address
        <input
          className="input"
          type="url"
          placeholder="https://api.auzap.com"
          value={serverUrl}
          disabled={locked}
          onChange={(e) => setServerUrl(e.target.value)}
          data-testid="server-url"
        />
      </label>
      <label className="settings__field">
        Organization
        <input
          className="input"
          value={organizationId}
          disabled={locked}
          onChange={(e) => setOrganizationId(e.target.value)}
          data-testid="organization-id"
        />
      </label>
      <label className="settings__field">
        Sign-in token
        <input
          ref={tokenField}
          className="input"
          type="password"
          autoComplete="off"
          placeholder={settings.hasToken ? 'Saved — type to replace' : 'Paste your token'}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          data-testid="token"
        />
        <span className="muted" data-testid="token-storage">
          {TOKEN_WORDS[settings.tokenStorage]}
        </span>
      </label>
      {problem ? (
        <p className="field-error" role="alert" data-testid="settings-problem">
          {problem}
        </p>
      ) : null}
      {saved ? (
        <p className="muted" role="status" data-testid="settings-saved">
          Saved. Reconnecting…
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={busy || (locked && !token)}>
        {locked ? 'Use this token and reconnect' : 'Save and reconnect'}
      </button>
    </form>
  );
}
