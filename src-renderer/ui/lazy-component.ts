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

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;

  function preload(): Promise<void> {
    pending ??= load().then(
      (component) => {
        loaded = component;
      },
      (err: unknown) => {
        // The next render or preload asks again (a host restarted mid-fetch) instead of keeping the failure.
        pending = null;
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
