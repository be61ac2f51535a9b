/** Pure time and code formatting for the connect flows (the clock is always passed in). */
import { clockTimeOptions } from '../../../../shared/clock-time';

/** Whole seconds from `nowMs` until `targetIso`, never negative. */
export function secondsUntil(targetIso: string, nowMs: number): number {
  const target = Date.parse(targetIso);
  if (Number.isNaN(target)) return 0;
  return Math.max(0, Math.ceil((target - nowMs) / 1000));
}

/** 75 → "1:15", 9 → "0:09". */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** WhatsApp shows pairing codes as XXXX-XXXX; anything else is shown as received. */
export function formatPairingCode(code: string): string {
  const clean = code.replace(/[\s-]/g, '').toUpperCase();
  return clean.length === 8 ? `${clean.slice(0, 4)}-${clean.slice(4)}` : code;
}

/** "14:03:27" in the user's locale. */
export function formatClockTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString(locale, clockTimeOptions(locale, true));
}
