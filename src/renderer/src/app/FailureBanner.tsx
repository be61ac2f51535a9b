import { useT } from '../i18n/I18nProvider';
import { failureNotices, useFailureNotices } from './failures';
import { say } from '../../../shared/i18n/user-text';

/** What did not work, in words, each with a way to put it away. */
export function FailureBanner() {
  const notices = useFailureNotices();
  const i18n = useT();
  const { t } = i18n;
  if (notices.length === 0) return null;
  return (
    <div className="banner banner--error failure-banner" role="alert" data-testid="failure-banner">
      {notices.map((notice) => (
        <p key={notice.id} className="failure-banner__row" data-testid="failure-notice">
          <span>{say(i18n, notice.message)}</span>{' '}
          <button type="button" className="link-button" onClick={() => failureNotices.dismiss(notice.id)}>
            {t('common.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
