/**
 * A wall-clock time as the locale writes it: "9:05 AM" in American English, "09:05" in
 * Portuguese. A 2-digit hour is right for a 24-hour clock and wrong for a 12-hour one
 * ("09:05 AM"), so the hour's digits follow the locale's clock.
 */
export function clockTimeOptions(locale: string | undefined, withSeconds = false): Intl.DateTimeFormatOptions {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  const twelveHour = cycle === 'h11' || cycle === 'h12';
  return {
    hour: twelveHour ? 'numeric' : '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
  };
}
