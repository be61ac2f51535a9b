import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';

/** Drafts kept at most: the most recently typed win. */
const MAX_DRAFTS = 200;
/** Writes wait this long after the last keystroke (one write per pause in typing, not per key). */
const SAVE_DELAY_MS = 300;

type Drafts = Record<string, string>;

const storageKey = (scope: string) => `auzap.drafts:${scope}`;

function readDrafts(scope: string): Drafts {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey(scope)) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/** The list's rows follow what is written (a "Draft:" line where a chat has one). */
const written = new Set<() => void>();
let known: { scope: string; drafts: Drafts } | null = null;

const followWrites = (listener: () => void) => {
  written.add(listener);
  return () => written.delete(listener);
};

/** Every chat's draft in `scope`, kept up to date as drafts are written. */
export function useDrafts(scope: string): Drafts {
  return useSyncExternalStore(followWrites, () => {
    if (known?.scope !== scope) known = { scope, drafts: readDrafts(scope) };
    return known.drafts;
  });
}

/** Stores one chat's draft (moved last: the newest are kept), or drops it when empty. */
function writeDraft(scope: string, conversationId: string, text: string): void {
  try {
    const { [conversationId]: _previous, ...others } = readDrafts(scope);
    const kept = Object.entries(text ? { ...others, [conversationId]: text } : others).slice(-MAX_DRAFTS);
    if (kept.length === 0) window.localStorage.removeItem(storageKey(scope));
    else window.localStorage.setItem(storageKey(scope), JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Storage refused (quota, private mode): the draft still lives while the chat is open.
  }
  known = null;
  for (const listener of written) listener();
}

/**
 * A chat's unsent reply, kept in the window's own storage: switching chats, reloading the
 * window or restarting the app never loses typed text. `scope` keeps one server and
 * organization's drafts from another's.
 */
export function useDraft(scope: string, conversationId: string): [string, (text: string) => void] {
  const [draft, setDraftState] = useState(() => readDrafts(scope)[conversationId] ?? '');
  const latest = useRef(draft);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    if (pending.current === null) return;
    clearTimeout(pending.current);
    pending.current = null;
    writeDraft(scope, conversationId, latest.current);
  }, [scope, conversationId]);

  // Written before the chat or the window goes (switching chats, a reload, a quit).
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const setDraft = useCallback(
    (text: string) => {
      latest.current = text;
      setDraftState(text);
      if (pending.current !== null) clearTimeout(pending.current);
      pending.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  return [draft, setDraft];
}
