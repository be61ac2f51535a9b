import { useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';

/** Keys with which a closed select changes its value on Windows and Linux, without opening. */
const STEPPING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * A `<select>` whose choice does something (mute for…, pause for…, language). On Windows
 * and Linux ↑/↓ on a closed select (and typing a letter, everywhere) change its value at once, so applying on `change` muted
 * a chat for an hour on the first ↓ and no other choice could be reached. Here a value
 * stepped to with those keys only shows, and Enter applies it (leaving the select drops it);
 * a pick from the open list, by mouse or keyboard, applies at once.
 */
export function useChoiceOnCommit(current: string, apply: (value: string) => void) {
  const [pending, setPending] = useState<string | null>(null);
  const stepping = useRef(false);
  return {
    value: pending ?? current,
    onKeyDown(event: KeyboardEvent<HTMLSelectElement>) {
      if (event.key === 'Enter' && pending !== null) {
        event.preventDefault();
        setPending(null);
        if (pending !== current) apply(pending);
        return;
      }
      // A letter typed on a closed select jumps to the option it starts (every platform): a step too.
      const typedAhead = event.key.length === 1 && !event.ctrlKey && !event.metaKey;
      if ((!STEPPING_KEYS.has(event.key) && !typedAhead) || event.altKey) return;
      // The change such a key makes comes during its default action, before any timer.
      stepping.current = true;
      setTimeout(() => (stepping.current = false), 0);
    },
    onChange(event: ChangeEvent<HTMLSelectElement>) {
      const { value } = event.target;
      if (stepping.current) {
        setPending(value);
        return;
      }
      setPending(null);
      apply(value);
    },
    onBlur: () => setPending(null),
  };
}
