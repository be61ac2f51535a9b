/** What the tray shows for a connection state and unread count (pure), in the app's language. */
import { CONNECTION_STATUS_WORDS, type ConnectionStatus } from '../shared/bridge';
import type { Locale } from '../shared/i18n/locale';
import { translator } from '../shared/i18n/translate';
import type { TrayState } from './ports';

/** The badge text: nothing for 0, the number up to 99, then "99+". */
export function badgeLabel(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

export function describeTray(status: ConnectionStatus, unread: number, demo: boolean, locale: Locale): TrayState {
  const { t } = translator(locale);
  const count = Math.max(0, Math.floor(unread));
  return {
    badgeCount: count,
    tooltip: t('tray.tooltip', {
      app: t(demo ? 'app.nameDemo' : 'app.name'),
      status: t(CONNECTION_STATUS_WORDS[status]),
      unread: t('tray.unread', { count }),
    }),
    attention: status === 'auth_failed' ? 'sign_in' : status === 'online' ? 'none' : 'offline',
  };
}
