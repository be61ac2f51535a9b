/**
 * Failures the user must hear about: a command that did not work, an error nobody
 * caught. Kept outside React so any code can report one; the window shows them in
 * a banner (FailureBanner) until dismissed or until the same action works again.
 */
import { useSyncExternalStore } from 'react';
import { createListeners } from '../../../shared/listeners';
import type { UserText } from '../../../shared/i18n/user-text';

export interface FailureNotice {
  id: number;
  /** What failed (a command channel, or "unexpected"): a newer failure of it replaces the older. */
  key: string;
  message: UserText;
}

/** Older notices beyond this are dropped: the banner stays a banner. */
const MAX_NOTICES = 3;

export interface FailureNotices {
  report(key: string, message: UserText): void;
  /** The action `key` worked: its old failure is no longer news. */
  resolve(key: string): void;
  dismiss(id: number): void;
  current(): readonly FailureNotice[];
  subscribe(listener: () => void): () => void;
}

export function createFailureNotices(): FailureNotices {
  const listeners = createListeners<void>();
  let notices: readonly FailureNotice[] = [];
  let nextId = 1;
  const set = (next: readonly FailureNotice[]) => {
    if (next === notices) return;
    notices = next;
    listeners.emit();
  };
  return {
    report(key, message) {
      const others = notices.filter((notice) => notice.key !== key);
      set([...others, { id: nextId++, key, message }].slice(-MAX_NOTICES));
    },
    resolve(key) {
      if (notices.some((notice) => notice.key === key)) set(notices.filter((notice) => notice.key !== key));
    },
    dismiss(id) {
      if (notices.some((notice) => notice.id === id)) set(notices.filter((notice) => notice.id !== id));
    },
    current: () => notices,
    subscribe: (listener) => listeners.add(listener),
  };
}

/** The window's one list of failures. */
export const failureNotices = createFailureNotices();

export function useFailureNotices(): readonly FailureNotice[] {
  return useSyncExternalStore(failureNotices.subscribe, failureNotices.current);
}
