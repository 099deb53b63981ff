/**
 * Runs work in a free moment at least `afterMs` from now (or at `afterMs + timeoutMs` at the
 * latest, however busy the page). Returns a cancel for a useEffect cleanup.
 */
export function whenIdle(work: () => void, { afterMs = 0, timeoutMs = 2000 } = {}): () => void {
  let idle: number | null = null;
  const timer = setTimeout(() => {
    idle = requestIdleCallback(work, { timeout: timeoutMs });
  }, afterMs);
  return () => {
    clearTimeout(timer);
    if (idle !== null) cancelIdleCallback(idle);
  };
}
