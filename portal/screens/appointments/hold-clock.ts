/** Whole seconds left before `deadline` at `now` (ms; never below zero). */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** `9:05` — minutes and seconds, as a countdown reads. */
export function formatLeft(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * When a hold lapses by this browser's clock (ms). The server's `expiresAt` when the clocks agree
 * (within a minute); a browser clock set wrong would stretch or cut it, so then the hold's length
 * is counted from when it was asked for (never later than the server's own lapse).
 */
export function holdDeadline(expiresAt: string, askedAt: number, holdMinutes: number): number {
  const byServer = Date.parse(expiresAt);
  const byAsk = askedAt + holdMinutes * 60_000;
  return Math.abs(byServer - byAsk) <= 60_000 ? Math.min(byServer, byAsk) : byAsk;
}
