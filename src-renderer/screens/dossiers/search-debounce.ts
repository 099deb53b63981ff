/**
 * When the dossier list asks core while the officer types. The officer's budget from a key to the
 * results painted is 150 ms (issue #15, measured by `npm run bench -- ui`).
 *
 * A key after a pause (SEARCH_DEBOUNCE_MS without typing) searches at once: that is how most
 * officers type a name, letter by letter, and waiting then would spend half the budget on
 * nothing. A key inside a run (a fast typist, a wedge scanner's burst of a few ms a character)
 * waits until the run has been quiet for SEARCH_DEBOUNCE_MS, so the run costs one more search, not
 * one per character. Answers that overtake each other are dropped by the list's ticket, so the
 * search sent at the start of a run cannot replace the one for its end.
 */
export const SEARCH_DEBOUNCE_MS = 80;

export interface SearchSettler {
  /** The box's text after a key. */
  typed(text: string): void;
  /** Drops a search still waiting (the box is going away). */
  cancel(): void;
}

export interface SettlerClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const BROWSER_CLOCK: SettlerClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Calls `settled` with the text to search: at once after a pause, else when the run ends. */
export function searchSettler(settled: (text: string) => void, wait = SEARCH_DEBOUNCE_MS, clock: SettlerClock = BROWSER_CLOCK): SearchSettler {
  let lastKeyAt = Number.NEGATIVE_INFINITY;
  let pending: unknown = null;
  const cancel = () => {
    if (pending !== null) clock.clearTimeout(pending);
    pending = null;
  };
  return {
    typed(text) {
      const now = clock.now();
      const afterPause = now - lastKeyAt >= wait;
      lastKeyAt = now;
      cancel();
      if (afterPause) {
        settled(text);
        return;
      }
      pending = clock.setTimeout(() => {
        pending = null;
        settled(text);
      }, wait);
    },
    cancel,
  };
}
