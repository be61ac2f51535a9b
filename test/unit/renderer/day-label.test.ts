import { describe, expect, it } from 'vitest';
import { calendarDaysBefore, dayLabel } from '../../../src/renderer/src/features/inbox/day-label';

const now = new Date(2026, 11, 1, 0, 30); // Tuesday 1 December 2026, just after midnight

describe('dayLabel', () => {
  it('counts calendar days, not 24-hour spans', () => {
    expect(calendarDaysBefore(new Date(2026, 10, 30, 23, 59), now)).toBe(1);
    expect(calendarDaysBefore(new Date(2026, 11, 1, 0, 0), now)).toBe(0);
  });

  it('says today and yesterday in the locale', () => {
    expect(dayLabel(new Date(2026, 11, 1, 0, 1), now, 'en-US')).toBe('Today');
    expect(dayLabel(new Date(2026, 10, 30, 23, 59), now, 'en-US')).toBe('Yesterday');
    expect(dayLabel(new Date(2026, 10, 30, 8, 0), now, 'pt-BR')).toBe('Ontem');
  });

  it('names the weekday within the last week, then gives the date', () => {
    expect(dayLabel(new Date(2026, 10, 28, 12), now, 'en-US')).toBe('Saturday');
    expect(dayLabel(new Date(2026, 10, 25, 12), now, 'en-US')).toBe('Wednesday');
    expect(dayLabel(new Date(2026, 10, 24, 12), now, 'en-US')).toBe('November 24');
    expect(dayLabel(new Date(2026, 10, 28, 12), now, 'pt-BR')).toBe('Sábado');
    expect(dayLabel(new Date(2026, 10, 24, 12), now, 'pt-BR')).toBe('24 de novembro');
  });

  it('adds the year for another year', () => {
    expect(dayLabel(new Date(2025, 11, 31, 12), now, 'en-US')).toBe('December 31, 2025');
  });
});
