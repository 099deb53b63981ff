/** Locks the screen after the office's idle time (setting idleLockMinutes; 0 = never). */
import { useEffect } from 'react';
import { useSession } from '../stores/session';

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

export function useIdleLock(): void {
  const minutes = useSession((s) => s.settings?.idleLockMinutes ?? 0);
  const lock = useSession((s) => s.lock);

  useEffect(() => {
    if (minutes <= 0) return;
    let timer = setTimeout(lock, minutes * 60_000);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, minutes * 60_000);
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, reset);
    };
  }, [minutes, lock]);
}
