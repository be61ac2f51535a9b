import { failureNotices, useFailureNotices } from './failures';

/** What did not work, in words, each with a way to put it away. */
export function FailureBanner() {
  const notices = useFailureNotices();
  if (notices.length === 0) return null;
  return (
    <div className="banner banner--error failure-banner" role="alert" data-testid="failure-banner">
      {notices.map((notice) => (
        <p key={notice.id} className="failure-banner__row" data-testid="failure-notice">
          <span>{notice.message}</span>{' '}
          <button type="button" className="link-button" onClick={() => failureNotices.dismiss(notice.id)}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
