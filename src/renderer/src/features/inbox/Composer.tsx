import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { BridgeCommandError, invoke } from '../../bridge/bridge-client';

/** The reply box: Enter sends, Shift+Enter breaks the line; the text stays until main has it. */
export function Composer({
  conversationId,
  draft,
  onDraftChange,
}: {
  conversationId: string;
  draft: string;
  onDraftChange: (text: string) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), [conversationId]);

  const send = async () => {
    const content = draft.trim();
    if (!content) return;
    setProblem(null);
    try {
      await invoke('inbox:send', { conversationId, content });
      // Only now is the text safe in the thread (as "sending" or "queued", then "sent" or "failed").
      onDraftChange('');
    } catch (failure) {
      setProblem(failure instanceof BridgeCommandError ? failure.message : 'Could not send. Your text is kept.');
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
          {problem}
        </p>
      ) : null}
      <textarea
        ref={input}
        className="composer__input"
        rows={1}
        dir="auto"
        placeholder="Write a reply — Enter to send, Shift+Enter for a new line"
        aria-label="Reply"
        value={draft}
        maxLength={65536}
        onChange={(e) => onDraftChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button button--primary" disabled={!draft.trim()}>
        Send
      </button>
    </form>
  );
}
