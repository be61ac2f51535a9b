/** What the tray shows for a connection state and unread count (pure), in the app's language. */
import type { ConnectionState } from '../shared/bridge';
import { connectionLabel } from '../shared/settings-fix';
import { endClockTime } from '../shared/quiet-time';
import type { Locale } from '../shared/i18n/locale';
import { translator, type Translator } from '../shared/i18n/translate';
import type { TrayState } from './ports';

type PauseState = { paused: boolean; pausedUntil?: string | null };

/** The badge text: nothing for 0, the number up to 99, then "99+". */
export function badgeLabel(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

/**
 * A pause in the tooltip says when it ends as a clock time ("until 08:00"): unlike a
 * count of minutes left, it is still true when the tooltip is read an hour later.
 */
function pauseText(t: Translator['t'], locale: Locale, pause: PauseState | undefined): string {
  if (!pause?.paused) return '';
  return pause.pausedUntil
    ? t('tray.pausedUntil', { time: endClockTime(Date.parse(pause.pausedUntil), locale) })
    : t('tray.paused');
}

export function describeTray(
  connection: Pick<ConnectionState, 'status' | 'detail'>,
  unread: number,
  demo: boolean,
  locale: Locale,
  pause?: PauseState,
): TrayState {
  const { t } = translator(locale);
  const count = Math.max(0, Math.floor(unread));
  const tooltip = t('tray.tooltip', {
    app: t(demo ? 'app.nameDemo' : 'app.name'),
    status: t(connectionLabel(connection)),
    unread: t('tray.unread', { count }),
  });
  const paused = pauseText(t, locale, pause);
  return {
    badgeCount: count,
    tooltip: paused ? `${tooltip}, ${paused}` : tooltip,
    attention: connection.status === 'auth_failed' ? 'sign_in' : connection.status === 'online' ? 'none' : 'offline',
  };
}
