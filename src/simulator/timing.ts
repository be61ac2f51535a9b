/** How fast the fake WhatsApp side moves. Tests shrink these to milliseconds. */
export interface SimulatorTiming {
  /** Lifetime of the first QR of an attempt. */
  qrFirstMs: number;
  /** Lifetime of every later QR. */
  qrRefreshMs: number;
  /** QRs per attempt, the first included; the attempt expires when the last one does. */
  qrCount: number;
  pairingCodeTtlMs: number;
  /** Between `POST /instances/:id/connect` and the first QR / pairing code (Baileys boot time). */
  connectDelayMs: number;
  /**
   * Socket.IO heartbeat: the server pings this often and gives up after `pingTimeoutMs`
   * without a pong; a client that hears no ping for both together knows the link is dead.
   */
  pingIntervalMs: number;
  pingTimeoutMs: number;
}

/** Baileys' real schedule: one QR for 60 s, then 5 more at 20 s each. */
export const DEFAULT_TIMING: SimulatorTiming = {
  qrFirstMs: 60_000,
  qrRefreshMs: 20_000,
  qrCount: 6,
  pairingCodeTtlMs: 60_000,
  connectDelayMs: 300,
  // Socket.IO's own defaults, like a backend that does not tune them.
  pingIntervalMs: 25_000,
  pingTimeoutMs: 20_000,
};

/** `--fast`: a whole QR cycle in half a minute, for demos and manual testing. */
export const FAST_TIMING: Partial<SimulatorTiming> = {
  qrFirstMs: 6_000,
  qrRefreshMs: 4_000,
  pairingCodeTtlMs: 20_000,
};

export function resolveTiming(overrides: Partial<SimulatorTiming> = {}): SimulatorTiming {
  const timing: SimulatorTiming = { ...DEFAULT_TIMING };
  for (const key of Object.keys(DEFAULT_TIMING) as (keyof SimulatorTiming)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`timing.${key} must be a number >= 0`);
    timing[key] = value;
  }
  if (!Number.isInteger(timing.qrCount) || timing.qrCount < 1) {
    throw new RangeError('timing.qrCount must be an integer >= 1');
  }
  return timing;
}
