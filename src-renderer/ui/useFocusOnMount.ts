/**
 * Moves keyboard focus into a screen when it opens (Alt+6, Alt+7…), so Tab continues inside it
 * instead of from the menu entry that was clicked or the body.
 */
import { useEffect, useRef } from 'react';

export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}
