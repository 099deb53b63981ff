/**
 * A component that lives in its own chunk, so the sign-in screen does not wait for the parsing of
 * screens nobody has opened yet (src-renderer/README.md, "Loading").
 *
 * Not React.lazy: a React.lazy component suspends on its first render even when its chunk has
 * already arrived (it learns so only in a microtask), and the nearest Suspense would show its
 * fallback for a frame on every first F2/F3 after sign-in. Here a preloaded component renders at
 * once; only one whose chunk is still on its way suspends.
 */
import { createElement, use, type ComponentType } from 'react';

export interface LazyComponent<P extends object> {
  /** Render inside a Suspense: it suspends only while its chunk is being fetched. */
  Component: ComponentType<P>;
  /** Fetches and runs the chunk now; the same promise for every caller. */
  preload(): Promise<void>;
}

/** Components whose last fetch failed: "Thử lại" (ui/ScreenLoadBoundary.tsx) fetches them again. */
const failed = new Set<() => void>();

/** Lets every component whose chunk failed to arrive try again at its next render or preload. */
export function retryFailedChunks(): void {
  for (const reset of [...failed]) reset();
}

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;

  // A failed fetch stays failed until retryFailedChunks(): a render that asked again at once would
  // suspend on a new fetch each time and never reach the error boundary (an endless fetch loop
  // behind a blank content area), so the failure is what the next render throws.
  const reset = () => {
    pending = null;
    failed.delete(reset);
  };

  function preload(): Promise<void> {
    pending ??= load().then(
      (component) => {
        loaded = component;
      },
      (err: unknown) => {
        failed.add(reset);
        throw err;
      },
    );
    return pending;
  }

  function Component(props: P) {
    if (!loaded) use(preload());
    return loaded ? createElement(loaded, props) : null;
  }

  return { Component, preload };
}
