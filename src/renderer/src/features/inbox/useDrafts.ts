import { useCallback, useEffect, useRef, useState } from 'react';

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

function writeDrafts(scope: string, drafts: Drafts): void {
  try {
    // Insertion order is typing order (a draft typed again is moved last): keep the newest.
    const kept = Object.entries(drafts).slice(-MAX_DRAFTS);
    if (kept.length === 0) window.localStorage.removeItem(storageKey(scope));
    else window.localStorage.setItem(storageKey(scope), JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Storage refused (quota, private mode): drafts still live until the window closes.
  }
}

/**
 * Unsent replies per conversation, kept in the window's own storage: switching chats,
 * reloading the window or restarting the app never loses typed text. `scope` keeps one
 * server and organization's drafts from another's (read once: a new scope is a new mount).
 */
export function useDrafts(scope: string): [Drafts, (conversationId: string, text: string) => void] {
  const [drafts, setDrafts] = useState<Drafts>(() => readDrafts(scope));
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(drafts);

  const flush = useCallback(() => {
    if (pending.current !== null) clearTimeout(pending.current);
    pending.current = null;
    writeDrafts(scope, latest.current);
  }, [scope]);

  // Written before the window goes (a reload or a quit must not lose the last keystrokes).
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const setDraft = useCallback(
    (conversationId: string, text: string) => {
      const { [conversationId]: _previous, ...others } = latest.current;
      const next = text ? { ...others, [conversationId]: text } : others;
      latest.current = next;
      setDrafts(next);
      if (pending.current !== null) clearTimeout(pending.current);
      pending.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  return [drafts, setDraft];
}
