import type { Locale } from '../../../../shared/i18n/locale';
import { say } from '../../../../shared/i18n/user-text';
import type { UpdateState } from '../../../../shared/updates';
import { runCommand } from '../../bridge/run-command';
import { useT } from '../../i18n/I18nProvider';

const run = (channel: 'updates:check-now' | 'updates:restart' | 'updates:later') => void runCommand(channel);

/** "12,5 MB" / "12.5 MB": the unit and the decimal mark as the language writes them. */
function formatBytes(bytes: number, locale: Locale): string {
  const megabytes = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: megabytes ? 1 : 0,
  }).format(megabytes ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024)));
}

/** Where the update stands, with the one action that makes sense now. */
export function UpdatePanel({ state, supported }: { state: UpdateState | null; supported: boolean }) {
  const i18n = useT();
  const { t, locale } = i18n;
  if (!supported || !state) {
    return (
      <p className="muted" data-testid="updates-unavailable">
        {t('updates.unavailable')}
      </p>
    );
  }
  return (
    <div className="update-panel" data-testid="update-panel" data-status={state.status}>
      {state.status === 'idle' || state.status === 'not-available' ? (
        <p>{t(state.status === 'not-available' ? 'updates.upToDate' : 'updates.automatic')}</p>
      ) : null}
      {state.status === 'checking' ? <p>{t('updates.checking')}</p> : null}
      {state.status === 'available' ? <p>{t('updates.available', { version: state.version ?? '' })}</p> : null}
      {state.status === 'downloading' ? (
        <div>
          <p>
            {state.total
              ? t('updates.downloadingSize', {
                  version: state.version ?? '',
                  done: formatBytes(state.transferred ?? 0, locale),
                  total: formatBytes(state.total, locale),
                })
              : t('updates.downloading', { version: state.version ?? '' })}
          </p>
          <progress max={100} value={state.percent ?? 0} aria-label={t('updates.progress')} />
        </div>
      ) : null}
      {state.status === 'downloaded' ? <UpdateReady state={state} /> : null}
      {state.status === 'error' ? (
        <p className="field-error" role="alert">
          {state.error ? say(i18n, state.error) : t('updates.failed')}
        </p>
      ) : null}
      {state.status !== 'downloading' && state.status !== 'checking' ? (
        <button type="button" className="button" onClick={() => run('updates:check-now')}>
          {t('updates.checkNow')}
        </button>
      ) : null}
    </div>
  );
}

function UpdateReady({ state }: { state: UpdateState }) {
  const { t } = useT();
  return (
    <div className="flow__actions">
      <p>
        {t(state.installsOnQuit === false ? 'updates.readyRestartOnly' : 'updates.ready', {
          version: state.version ?? '',
        })}
      </p>
      <button type="button" className="button button--primary" onClick={() => run('updates:restart')}>
        {t('updates.restart')}
      </button>
      {!state.dismissed ? (
        <button type="button" className="button" onClick={() => run('updates:later')}>
          {t('common.later')}
        </button>
      ) : null}
    </div>
  );
}
