/** Runs `tick` every `ms` while the component is mounted (screens that refresh on their own). */
import { useEffect, useRef } from 'react';

export function useInterval(tick: () => void, ms: number): void {
  const latest = useRef(tick);
  useEffect(() => {
    latest.current = tick;
  }, [tick]);
  useEffect(() => {
    const id = setInterval(() => latest.current(), ms);
    return () => clearInterval(id);
  }, [ms]);
}
