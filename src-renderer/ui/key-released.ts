/**
 * Settles once `key` is up again, or when the window loses focus (no keyup will come then). Take it
 * in the keydown handler, before anything asynchronous: a question opened while the key that asked
 * for it is still down receives that same key, because Chromium clicks the focused button on Enter's
 * keypress, after the keydown, so the question would be answered before the officer has read it.
 */
export function keyReleased(key: string): Promise<void> {
  return new Promise((resolve) => {
    const done = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== key) return;
      window.removeEventListener('keyup', done, true);
      window.removeEventListener('blur', done);
      resolve();
    };
    window.addEventListener('keyup', done, true);
    window.addEventListener('blur', done);
  });
}
