/**
 * Quiet time: how long a conversation stays muted and notifications stay paused, and how
 * much of it is left. Pure, with the time handed in, so the core (which ends them) and the
 * renderer and tray (which show what is left) agree, and tests need no real clock.
 */
import { clockTimeOptions } from './clock-time';
import { z } from 'zod';
import type { Translator } from './i18n/translate';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const MUTE_DURATIONS = ['1h', '8h', '1w', 'always'] as const;
export const muteDuration = z.enum(MUTE_DURATIONS);
export type MuteDuration = z.infer<typeof muteDuration>;

export const PAUSE_DURATIONS = ['1h', 'morning', 'until-resumed'] as const;
export const pauseDuration = z.enum(PAUSE_DURATIONS);
export type PauseDuration = z.infer<typeof pauseDuration>;

/** "Tomorrow morning" is this hour, local time. */
export const MORNING_HOUR = 8;

const MUTE_LENGTH: Record<Exclude<MuteDuration, 'always'>, number> = { '1h': HOUR, '8h': 8 * HOUR, '1w': 7 * DAY };

/** When a mute chosen at `now` ends (epoch ms), or null for one that lasts until undone. */
export function muteEndsAt(duration: MuteDuration, now: number): number | null {
  return duration === 'always' ? null : now + MUTE_LENGTH[duration];
}

/**
 * When a pause chosen at `now` ends, or null for one that lasts until turned back on.
 * "Morning" is the next 08:00 local time, so a pause taken at 1 a.m. ends the same
 * morning, not a day later; days are counted by the calendar, so a DST change does not
 * move it to 07:00 or 09:00.
 */
export function pauseEndsAt(duration: PauseDuration, now: number): number | null {
  if (duration === 'until-resumed') return null;
  if (duration === '1h') return now + HOUR;
  const morning = new Date(now);
  morning.setHours(MORNING_HOUR, 0, 0, 0);
  if (morning.getTime() <= now) morning.setDate(morning.getDate() + 1);
  return morning.getTime();
}

/** A mute or pause with this end is still on at `now` (null: until undone). */
export function stillOn(endsAt: number | null, now: number): boolean {
  return endsAt === null || endsAt > now;
}

/** Notifications are paused at `now`: a pause whose end passed no longer counts, even before it is lifted. */
export function isPaused(settings: { paused: boolean; pausedUntil?: string | null }, now: number): boolean {
  return settings.paused && stillOn(settings.pausedUntil ? Date.parse(settings.pausedUntil) : null, now);
}

/**
 * What is left of a mute or pause, in words ("8 h left", "6 d 23 h left"). Rounded to the
 * nearest minute, so a one-hour mute reads "1 h left" when it starts, never "59 min" nor,
 * read a moment before main set it, "1 h 1 min".
 */
export function remainingWords(endsAt: number, now: number, t: Translator['t']): string {
  const minutes = Math.round((endsAt - now) / 60_000);
  if (minutes < 1) return t('quiet.leftUnderMinute');
  if (minutes < 60) return t('quiet.leftMinutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return minutes % 60 === 0
      ? t('quiet.leftHours', { hours })
      : t('quiet.leftHoursMinutes', { hours, minutes: minutes % 60 });
  }
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? t('quiet.leftDays', { days }) : t('quiet.leftDaysHours', { days, hours: hours % 24 });
}

/** The wall-clock time a mute or pause ends at, in the user's locale ("08:00"). */
export function endClockTime(endsAt: number, locale?: string): string {
  return new Date(endsAt).toLocaleTimeString(locale, clockTimeOptions(locale));
}

/**
 * The words a "until morning" choice needs at `now`: its clock time, and whether that is
 * this morning (chosen before 08:00, in the small hours) or tomorrow's — the label must
 * not promise tomorrow for a pause that ends in two hours.
 */
export function morningPauseWords(now: number, locale?: string): { time: string; when: 'today' | 'tomorrow' } {
  const endsAt = pauseEndsAt('morning', now) ?? now;
  return {
    time: endClockTime(endsAt, locale),
    when: new Date(endsAt).getDate() === new Date(now).getDate() ? 'today' : 'tomorrow',
  };
}
