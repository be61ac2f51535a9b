/**
 * The thread's own words, in one place so they move into the i18n catalogs in one go.
 * Dates and times come from Intl in `threadLocale()`.
 */

/** The locale of dates in the thread: the browser's (the app has no language setting yet). */
export function threadLocale(): string {
  return navigator.language || 'en';
}

export const threadWords = {
  unreadMessages: (count: number) => (count === 1 ? '1 unread message' : `${count} unread messages`),
  jumpToLatest: 'Jump to latest',
  newSince: (count: number) => `${count} new`,
  jumpToLatestLabel: (count: number) =>
    count === 0 ? 'Jump to latest' : `Jump to latest, ${count === 1 ? '1 new message' : `${count} new messages`}`,
};
