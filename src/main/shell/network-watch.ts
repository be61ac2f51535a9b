/**
 * Tells the runtime when the network may be back, so it reconnects at once instead of
 * waiting out its backoff: the machine woke up or was unlocked (powerMonitor), or
 * Chromium's network-change notifier went from offline to online (`net.isOnline()`,
 * which has no event in the main process, so it is sampled).
 */
export interface NetworkWatchOptions {
  isOnline(): boolean;
  onMayHaveChanged(): void;
  /** powerMonitor (or a fake): 'resume' and 'unlock-screen' are forwarded. */
  power?: { on(event: 'resume' | 'unlock-screen', listener: () => void): unknown };
  intervalMs?: number;
}

export function watchNetwork(options: NetworkWatchOptions): () => void {
  const safeOnline = () => {
    try {
      return options.isOnline();
    } catch {
      return true;
    }
  };
  let online = safeOnline();
  const timer = setInterval(() => {
    const now = safeOnline();
    if (now && !online) options.onMayHaveChanged();
    online = now;
  }, options.intervalMs ?? 3_000);
  timer.unref?.();
  let stopped = false;
  const forward = () => {
    if (!stopped) options.onMayHaveChanged();
  };
  options.power?.on('resume', forward);
  options.power?.on('unlock-screen', forward);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
