/** The wait before the next try after a failure: the first `minMs`, then doubling up to `maxMs`. */
export function nextRetryDelay(previousMs: number, limits: { minMs: number; maxMs: number }): number {
  return Math.min(limits.maxMs, previousMs ? previousMs * 2 : limits.minMs);
}
