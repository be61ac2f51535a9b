/**
 * The words of a day separator, from Intl in the given locale: "Today", "Yesterday", the
 * weekday within the last week, then the date (with the year only when it is not this one).
 */

/** Calendar days from `date` to `now` in local time (0 = same day), whatever the hours. */
export function calendarDaysBefore(date: Date, now: Date): number {
  const start = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  // Rounded: a day with a daylight-saving change is 23 or 25 hours long.
  return Math.round((today.getTime() - start.getTime()) / 86_400_000);
}

/** Local calendar day of an instant, as a key that two messages of the same day share. */
export function localDayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

function capitalized(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

export function dayLabel(date: Date, now: Date, locale: string): string {
  const days = calendarDaysBefore(date, now);
  if (days === 0 || days === 1) {
    return capitalized(new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-days, 'day'), locale);
  }
  if (days > 1 && days < 7) return capitalized(date.toLocaleDateString(locale, { weekday: 'long' }), locale);
  const sameYear = date.getFullYear() === now.getFullYear();
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) });
}
