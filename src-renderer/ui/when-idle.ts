/**
 * Runs work once the page has nothing better to do (a free moment after the first paint and the
 * first keystrokes), or after `timeoutMs` at the latest. Returns a cancel for a useEffect cleanup.
 */
export function whenIdle(work: () => void, timeoutMs = 2000): () => void {
  const id = requestIdleCallback(work, { timeout: timeoutMs });
  return () => cancelIdleCallback(id);
}
