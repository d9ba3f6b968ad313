// How long a wait still has to go, from how far it got in how long: for progress that advances at a
// steady rate (bytes downloaded, samples taken). Nothing is promised before there is a rate to go by.

/** Elapsed time below which a rate is too noisy to extrapolate. */
const MIN_ELAPSED_MS = 1000;

/**
 * Seconds left when `done` of `total` units took `elapsedMs`, at the same rate; null when nothing is
 * done yet or too little time has passed to tell.
 */
export function estimateSecondsLeft(elapsedMs: number, done: number, total: number): number | null {
  if (!(done > 0) || !(total > done) || elapsedMs < MIN_ELAPSED_MS) return null;
  return ((elapsedMs / done) * (total - done)) / 1000;
}

/** "about 5 s left", "about 2 min left"; rounded up so the estimate does not run out early. */
export function formatTimeLeft(seconds: number): string {
  if (seconds < 90) return `about ${Math.max(1, Math.ceil(seconds))} s left`;
  return `about ${Math.ceil(seconds / 60)} min left`;
}

/** "8 s", "1 min 5 s": how long a wait has lasted so far. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
