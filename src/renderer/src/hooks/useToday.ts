import { useEffect, useState } from 'react';

/** Milliseconds from `now` to the next local midnight (a day with a clock change is 23 or 25 hours). */
function untilNextDay(now: number): number {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime() - now;
}

const sameDay = (a: number, b: number) => new Date(a).toDateString() === new Date(b).toDateString();

/**
 * A time within the current local day, renewed when the day turns: for "Today", "Yesterday"
 * and the weekday, which change only at midnight. One timer aimed at the next midnight (no
 * polling); a timer that fires a little early is simply aimed again. After a sleep or a
 * clock change the timer may be late, so the day is checked again when the window comes back.
 */
export function useToday(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setTimeout(() => setNow(Date.now()), untilNextDay(now));
    return () => clearTimeout(timer);
  }, [now]);
  useEffect(() => {
    const recheck = () => setNow((shown) => (sameDay(shown, Date.now()) ? shown : Date.now()));
    window.addEventListener('focus', recheck);
    document.addEventListener('visibilitychange', recheck);
    return () => {
      window.removeEventListener('focus', recheck);
      document.removeEventListener('visibilitychange', recheck);
    };
  }, []);
  return now;
}
