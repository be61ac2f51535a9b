/**
 * The thread's own words, in one place so they move into the i18n catalogs in one go.
 * Dates and times come from Intl in `threadLocale()`.
 */

/** The locale of dates in the thread: the browser's (the app has no language setting yet). */
export function threadLocale(): string {
  return navigator.language || 'en';
}
