import { describe, expect, it } from 'vitest';
import { createAlarm } from '../../src/core/notifications/alarm';
import {
  isPaused,
  morningPauseWords,
  muteEndsAt,
  pauseEndsAt,
  remainingWords,
  stillOn,
} from '../../src/shared/quiet-time';
import { translator } from '../../src/shared/i18n/translate';
import { createFakeScheduler } from '../support/fake-scheduler';

const HOUR = 3_600_000;
// Local wall-clock times, so the tests hold in any time zone.
const local = (day: number, hour: number, minute = 0) => new Date(2026, 11, day, hour, minute).getTime();

describe('how long a mute lasts', () => {
  it('ends 1 hour, 8 hours or 1 week after it was chosen, or never', () => {
    const now = local(1, 22, 30);
    expect(muteEndsAt('1h', now)).toBe(now + HOUR);
    expect(muteEndsAt('8h', now)).toBe(now + 8 * HOUR);
    expect(muteEndsAt('1w', now)).toBe(now + 7 * 24 * HOUR);
    expect(muteEndsAt('always', now)).toBeNull();
  });

  it('is on until its end, not at it', () => {
    expect(stillOn(1000, 999)).toBe(true);
    expect(stillOn(1000, 1000)).toBe(false);
    expect(stillOn(null, Number.MAX_SAFE_INTEGER)).toBe(true);
  });
});

describe('how long a pause lasts', () => {
  it('"until tomorrow morning" ends at the next 08:00, local time', () => {
    expect(pauseEndsAt('morning', local(1, 22, 30))).toBe(local(2, 8));
    expect(pauseEndsAt('morning', local(1, 8))).toBe(local(2, 8));
    // Taken after midnight, "tomorrow morning" is the coming one, not a day later.
    expect(pauseEndsAt('morning', local(2, 1, 15))).toBe(local(2, 8));
    // Across a month's end.
    expect(pauseEndsAt('morning', new Date(2026, 11, 31, 23, 0).getTime())).toBe(new Date(2027, 0, 1, 8).getTime());
  });

  it('is offered as "this morning" in the small hours, "tomorrow morning" from 08:00 on', () => {
    const t = (now: number) => translator('pt-BR').t('pause.for.morning', morningPauseWords(now, 'pt-BR'));
    expect(t(local(2, 5, 20))).toBe('Pausar até hoje de manhã (08:00)');
    expect(t(local(2, 8))).toBe('Pausar até amanhã de manhã (08:00)');
    expect(t(local(1, 22, 30))).toBe('Pausar até amanhã de manhã (08:00)');
    expect(translator('en').t('pause.for.morning', morningPauseWords(local(2, 0, 10), 'en'))).toBe(
      'Pause until this morning (8:00 AM)',
    );
  });

  it('ends an hour later, or only when turned back on', () => {
    const now = local(1, 10);
    expect(pauseEndsAt('1h', now)).toBe(now + HOUR);
    expect(pauseEndsAt('until-resumed', now)).toBeNull();
  });

  it('no longer counts once its end has passed, even before anyone lifts it', () => {
    const until = new Date(local(2, 8)).toISOString();
    expect(isPaused({ paused: true, pausedUntil: until }, local(2, 7, 59))).toBe(true);
    expect(isPaused({ paused: true, pausedUntil: until }, local(2, 8))).toBe(false);
    expect(isPaused({ paused: true, pausedUntil: null }, local(9, 8))).toBe(true);
    expect(isPaused({ paused: true }, local(9, 8))).toBe(true);
    expect(isPaused({ paused: false, pausedUntil: until }, local(1, 8))).toBe(false);
  });
});

describe('the time left, in words', () => {
  it('reads the chosen duration when it starts, then counts down', () => {
    const now = local(1, 10);
    const { t } = translator('en');
    expect(remainingWords(now + HOUR, now + 5, t)).toBe('1 h left');
    expect(remainingWords(now + 8 * HOUR, now, t)).toBe('8 h left');
    expect(remainingWords(now + 7 * 24 * HOUR, now, t)).toBe('7 days left');
    expect(remainingWords(now + HOUR, now + 15 * 60_000, t)).toBe('45 min left');
    expect(remainingWords(now + 8 * HOUR, now + 30 * 60_000, t)).toBe('7 h 30 min left');
    expect(remainingWords(now + 7 * 24 * HOUR, now + 3 * HOUR, t)).toBe('6 d 21 h left');
    expect(remainingWords(now + 24 * HOUR, now, t)).toBe('1 day left');
    expect(remainingWords(now + 30_000, now, t)).toBe('1 min left');
    expect(remainingWords(now + HOUR + 20_000, now, t)).toBe('1 h left');
    expect(remainingWords(now + 20_000, now, t)).toBe('less than a minute left');
    expect(remainingWords(now, now + 10, t)).toBe('less than a minute left');
  });

  it('says it in Brazilian Portuguese too', () => {
    const now = local(1, 10);
    const { t } = translator('pt-BR');
    expect(remainingWords(now + HOUR, now, t)).toBe('falta 1 h');
    expect(remainingWords(now + 8 * HOUR, now, t)).toBe('faltam 8 h');
    expect(remainingWords(now + 7 * 24 * HOUR, now, t)).toBe('faltam 7 dias');
    expect(remainingWords(now + 45 * 60_000, now, t)).toBe('faltam 45 min');
  });
});

describe('alarm', () => {
  it('calls back once at the time set, and only at the last time set', () => {
    const clock = createFakeScheduler();
    const calls: number[] = [];
    const alarm = createAlarm(clock, () => calls.push(clock.now()));
    const start = clock.now();
    alarm.set(start + HOUR);
    alarm.set(start + 2 * HOUR);
    clock.advance(HOUR);
    expect(calls).toEqual([]);
    clock.advance(HOUR);
    expect(calls).toEqual([start + 2 * HOUR]);
    clock.advance(10 * HOUR);
    expect(calls).toHaveLength(1);
  });

  it('waits in steps past the longest timer Node has, and can be cancelled', () => {
    const clock = createFakeScheduler();
    const calls: number[] = [];
    const alarm = createAlarm(clock, () => calls.push(clock.now()));
    const in30Days = clock.now() + 30 * 24 * HOUR;
    alarm.set(in30Days);
    clock.advance(25 * 24 * HOUR);
    expect(calls).toEqual([]);
    clock.advance(5 * 24 * HOUR);
    expect(calls).toEqual([in30Days]);
    alarm.set(clock.now() + HOUR);
    alarm.cancel();
    clock.advance(2 * HOUR);
    expect(calls).toHaveLength(1);
    alarm.set(null);
    expect(clock.pendingCount()).toBe(0);
  });
});
