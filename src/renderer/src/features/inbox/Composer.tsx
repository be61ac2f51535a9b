import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { say, type UserText } from '../../../../shared/i18n/user-text';
import { failureText, invoke } from '../../bridge/bridge-client';
import { useT } from '../../i18n/I18nProvider';

/** The reply box: Enter sends, Shift+Enter breaks the line; the text stays until main has it. */
export function Composer({
  conversationId,
  draft,
  onDraftChange,
  focusRequest,
}: {
  conversationId: string;
  draft: string;
  onDraftChange: (text: string) => void;
  /** Bumped whenever a conversation is opened (list, switcher, shortcut): the reply box takes the focus. */
  focusRequest: number;
}) {
  const [problem, setProblem] = useState<UserText | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const i18n = useT();
  const { t } = i18n;
  useEffect(() => input.current?.focus(), [conversationId, focusRequest]);

  const send = async () => {
    const content = draft.trim();
    if (!content) return;
    setProblem(null);
    try {
      await invoke('inbox:send', { conversationId, content });
      // Only now is the text safe in the thread (as "sending" or "queued", then "sent" or "failed").
      onDraftChange('');
    } catch (failure) {
      setProblem(failureText(failure, 'thread.sendFailed'));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {problem ? (
        <p className="field-error" role="alert">
          {say(i18n, problem)}
        </p>
      ) : null}
      <textarea
        ref={input}
        className="composer__input"
        rows={1}
        dir="auto"
        placeholder={t('thread.replyPlaceholder')}
        aria-label={t('thread.reply')}
        // Where focus goes back to when a control in the thread goes away (a reply's "Try again").
        data-focus-target=""
        value={draft}
        maxLength={65536}
        onChange={(e) => onDraftChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button button--primary" disabled={!draft.trim()}>
        {t('thread.send')}
      </button>
    </form>
  );
}
