/**
 * Keyboard-first counter work: F2 a new intake, F3 the dossier search, Alt+1…9 the menu, Esc
 * back. F9 (save and print) belongs to the intake screen itself. Handled on window so they work
 * from any field; Esc only goes back when no dialog or drawer is open (those close themselves).
 */
import { useLayoutEffect } from 'react';
import { SCREENS, useNavigation } from '../stores/navigation';
import { usePrintPreview } from '../stores/printPreview';

function overlayOpen(): boolean {
  return document.querySelector('.ant-modal-wrap, .ant-drawer-open, .ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden)') !== null;
}

export function useShortcuts(enabled: boolean): void {
  // A layout effect, so the keys work from the first paint of the shell: with a passive effect the
  // screen could already be on show (after a sign-in, an unlock) while F2 still went nowhere.
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const nav = useNavigation.getState();
      if (e.key === 'F2') {
        e.preventDefault();
        usePrintPreview.getState().close();
        nav.closeDossier();
        nav.newIntake();
      } else if (e.key === 'F3') {
        e.preventDefault();
        usePrintPreview.getState().close();
        nav.closeDossier();
        nav.focusSearch();
      } else if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[1-9]$/.test(e.code)) {
        e.preventDefault();
        const screen = SCREENS[Number(e.code.slice(5)) - 1];
        if (screen) nav.go(screen);
      } else if (e.key === 'Escape') {
        // Esc must close what is on top even when focus is outside it (e.g. on a PDF frame).
        const preview = usePrintPreview.getState();
        if (preview.request) preview.close();
        else if (nav.dossier && !document.querySelector('.ant-modal-wrap')) nav.closeDossier();
        else if (!e.defaultPrevented && !overlayOpen() && nav.dossier === null) nav.back();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
