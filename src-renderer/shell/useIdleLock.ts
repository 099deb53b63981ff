/**
 * Locks the screen after the office's idle time (setting idleLockMinutes; 0 = never), counted
 * from the officer's own keys and mouse: core holds the lock, so a reload does not undo it. Core
 * also locks on its own when no call came for that long (a closed or frozen window).
 */
import { useEffect } from 'react';
import { useSession } from '../stores/session';

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

export function useIdleLock(): void {
  const minutes = useSession((s) => s.settings?.idleLockMinutes ?? 0);
  const lock = useSession((s) => s.lock);

  useEffect(() => {
    if (minutes <= 0) return;
    const idle = () => void lock('idle');
    let timer = setTimeout(idle, minutes * 60_000);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(idle, minutes * 60_000);
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, reset);
    };
  }, [minutes, lock]);
}
