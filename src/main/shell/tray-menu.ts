/**
 * The tray's context menu as a template, in the app's language:
 *
 *   Open AuZap · <status line, disabled> · Pause notifications ▸ · Check for updates ·
 *   ─── · Quit AuZap
 *
 * "Pause notifications" offers the window's durations (1 hour, until tomorrow morning,
 * until turned back on); while paused, "Resume notifications" comes first, with what is
 * left of a timed pause in its label. Pure: the controller (tray.ts) decides when to build it.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/i18n/locale';
import { translator } from '../../shared/i18n/translate';
import { morningPauseWords, PAUSE_DURATIONS, remainingWords, type PauseDuration } from '../../shared/quiet-time';
import type { UpdateState } from '../../shared/updates';

export interface UpdateMenuEntry {
  label: string;
  enabled: boolean;
  action: 'check' | 'restart';
}

/** The update entry of the menu, from the updater's state (none: no updater here). */
export function updateMenuEntry(state: UpdateState | undefined, locale: Locale): UpdateMenuEntry | null {
  if (!state) return null;
  const { t } = translator(locale);
  switch (state.status) {
    case 'downloaded':
      return {
        label: state.version ? t('tray.update.restartTo', { version: state.version }) : t('updates.restart'),
        enabled: true,
        action: 'restart',
      };
    case 'checking':
      return { label: t('updates.checking'), enabled: false, action: 'check' };
    case 'downloading':
      return { label: t('tray.update.downloading'), enabled: false, action: 'check' };
    default:
      return { label: t('updates.checkNow'), enabled: true, action: 'check' };
  }
}

/** Notifications paused, and until when (ISO; null: until turned back on). */
export interface PauseState {
  paused: boolean;
  pausedUntil: string | null;
}

/**
 * What the menu shows; two equal views build the same menu. Labels are finished here, so
 * a view (and the menu) changes with the language, the status, the pause and its time left.
 */
export interface TrayMenuView {
  locale: Locale;
  status: string;
  paused: boolean;
  /** The pause submenu's entries, resume first while paused. */
  pause: { id: string; label: string }[];
  update: UpdateMenuEntry | null;
}

const PAUSE_KEYS = {
  '1h': 'pause.for.1h',
  morning: 'pause.for.morning',
  'until-resumed': 'pause.for.until-resumed',
} as const satisfies Record<PauseDuration, string>;

export function pauseEntries(pause: PauseState, locale: Locale, now: number): TrayMenuView['pause'] {
  const { t } = translator(locale);
  const resume = () => {
    const endsAt = pause.pausedUntil ? Date.parse(pause.pausedUntil) : NaN;
    return Number.isFinite(endsAt)
      ? t('tray.pause.resumeLeft', { left: remainingWords(endsAt, now, t) })
      : t('tray.pause.resume');
  };
  const durations = PAUSE_DURATIONS.map((duration) => ({
    id: `pause-${duration}`,
    label: t(PAUSE_KEYS[duration], morningPauseWords(now, locale)),
  }));
  return pause.paused ? [{ id: 'pause-resume', label: resume() }, ...durations] : durations;
}

export interface TrayMenuActions {
  open(): void;
  quit(): void;
  pause(duration: PauseDuration): void;
  resume(): void;
  update(action: UpdateMenuEntry['action']): void;
}

/** Escapes "&", which Windows and Linux menus read as a mnemonic marker. */
const menuLabel = (text: string, platform: NodeJS.Platform) =>
  platform === 'darwin' ? text : text.replace(/&/g, '&&');

const durationOf = (id: string): PauseDuration | null =>
  PAUSE_DURATIONS.find((duration) => `pause-${duration}` === id) ?? null;

export function trayMenuTemplate(
  view: TrayMenuView,
  actions: TrayMenuActions,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  const { t } = translator(view.locale);
  const pauseItems: MenuItemConstructorOptions[] = view.pause.map(({ id, label }) => {
    const duration = durationOf(id);
    return { id, label, click: () => (duration ? actions.pause(duration) : actions.resume()) };
  });
  if (view.paused) pauseItems.splice(1, 0, { type: 'separator' });
  const template: MenuItemConstructorOptions[] = [
    { id: 'open', label: t('tray.open'), click: () => actions.open() },
    { id: 'status', label: menuLabel(view.status, platform), enabled: false },
    { id: 'pause', label: t('tray.pause.menu'), submenu: pauseItems },
  ];
  const update = view.update;
  if (update) {
    template.push({
      id: 'update',
      label: update.label,
      enabled: update.enabled,
      click: () => actions.update(update.action),
    });
  }
  template.push({ type: 'separator' }, { id: 'quit', label: t('tray.quit'), click: () => actions.quit() });
  return template;
}
