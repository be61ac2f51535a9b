import { createContext, useContext } from 'react';
import type { MessageView } from '../../../../shared/inbox';

/**
 * What a refused reply's Edit does: handed down by the open thread (which owns the reply
 * box) to the bubbles, which are rendered far below it in the virtualized rows.
 */
export const RefusedReplyEdit = createContext<((message: MessageView) => void) | null>(null);

export const useRefusedReplyEdit = () => useContext(RefusedReplyEdit);
