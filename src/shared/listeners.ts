/**
 * A set of listeners, as every push source here needs one (core pushes, host pushes,
 * update state, the browser bridge's channels). One listener that throws does not
 * stop the others, and its error is never swallowed: it goes to `onError`.
 */
export interface Listeners<T> {
  /** Adds a listener; returns the function that removes it. */
  add(listener: (value: T) => void): () => void;
  emit(value: T): void;
  clear(): void;
}

/** Without `onError`, a listener's error is rethrown on its own, after the others ran. */
const rethrowLater = (error: unknown) =>
  queueMicrotask(() => {
    throw error;
  });

export function createListeners<T>(onError: (error: unknown) => void = rethrowLater): Listeners<T> {
  const listeners = new Set<(value: T) => void>();
  return {
    add(listener) {
      // A wrapper per call, so adding the same function twice needs two removals.
      const entry = (value: T) => listener(value);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    emit(value) {
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (error) {
          onError(error);
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
