/**
 * Windows' "Show animations in Windows" switched off (often done on old PCs to keep them quick)
 * reaches the page as `prefers-reduced-motion: reduce`. Both browser UIs then open dialogs, menus
 * and drawers at once instead of zooming and sliding them in: nothing moves under the pointer
 * while it is still arriving, and an old PC spends no frames on it.
 */
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

function wantsLessMotion(): boolean {
  return window.matchMedia(QUERY).matches;
}

/**
 * antd's `motion` token for the ConfigProvider: false when the system asks for less motion, and
 * it follows the setting if it changes while the app is open.
 */
export function useMotionToken(): boolean {
  return !useSyncExternalStore(subscribe, wantsLessMotion, () => false);
}
