import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageView } from '../../../../shared/inbox';
import { runCommand } from '../../bridge/run-command';

/**
 * Edit on a reply the server refused: the reply leaves the thread and its words come back
 * into the reply box (after what is typed there already), to be changed and sent again.
 * Returns a number that grows with each edit (the reply box takes the focus) and the edit.
 */
export function useRefusedReplyEditing(
  draft: string,
  onDraftChange: (text: string) => void,
): [number, (message: MessageView) => void] {
  const [edits, setEdits] = useState(0);
  // What is typed when the discard answers, not when Edit was clicked.
  const typed = useRef(draft);
  useEffect(() => {
    typed.current = draft;
  }, [draft]);
  const edit = useCallback(
    (message: MessageView) => {
      if (!message.localId) return;
      void runCommand('inbox:discard-reply', { conversationId: message.conversationId, localId: message.localId }).then(
        (discarded) => {
          // Not discarded (the failure is shown): the words stay in the bubble only, never twice.
          if (discarded !== null) return;
          const before = typed.current;
          onDraftChange(before.trim() ? `${before}\n${message.content}` : message.content);
          setEdits((n) => n + 1);
        },
      );
    },
    [onDraftChange],
  );
  return [edits, edit];
}
