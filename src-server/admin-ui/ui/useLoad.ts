/** Loads one admin API answer for a screen, with a reload for after a change. */
import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: string | undefined;
  reload(): void;
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  // The caller lists what its query reads, as with useEffect.
  const stable = useCallback(load, deps);

  useEffect(() => {
    let current = true;
    setLoading(true);
    stable()
      .then((value) => {
        if (!current) return;
        setData(value);
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (current) setError(err instanceof Error ? err.message : String(err));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    // A slower earlier answer must not overwrite a newer one.
    return () => {
      current = false;
    };
  }, [stable, tick]);

  return { data, loading, error, reload: () => setTick((n) => n + 1) };
}
