import { describe, expect, it } from 'vitest';
import { clockTimeOptions } from '../../src/shared/clock-time';

const at = (hours: number, minutes: number) => new Date(2026, 0, 15, hours, minutes, 7);
const show = (locale: string, date: Date, seconds = false) =>
  date.toLocaleTimeString(locale, clockTimeOptions(locale, seconds));

describe('clock times', () => {
  it('are written as each locale writes them: no leading zero on a 12-hour clock, two digits on a 24-hour one', () => {
    expect(show('en-US', at(9, 5))).toBe('9:05 AM');
    expect(show('en-US', at(14, 38))).toBe('2:38 PM');
    expect(show('pt-BR', at(9, 5))).toBe('09:05');
    expect(show('pt-BR', at(14, 38))).toBe('14:38');
    expect(show('en-GB', at(9, 5))).toBe('09:05');
    expect(show('pt-BR', at(9, 5), true)).toBe('09:05:07');
    expect(show('en-US', at(9, 5), true)).toBe('9:05:07 AM');
  });
});
