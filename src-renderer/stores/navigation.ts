/**
 * Which screen the signed-in shell shows, and the few cross-screen intents (a fresh intake, focus
 * the search box, open one dossier). Screens are few and fixed: no router needed.
 */
import { create } from 'zustand';

export const SCREENS = ['home', 'intake', 'dossiers', 'returns', 'register', 'reports', 'sync', 'catalog', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

/** A dossier to show in the detail drawer: by id (from a list) or by code (scanned receipt). */
export type DossierRef = { id: string } | { code: string };

interface NavigationState {
  screen: Screen;
  previous: Screen | null;
  /** Bumped by F2: the intake screen clears its form and focuses the scan field. */
  intakeNonce: number;
  /** Bumped by F3: the dossiers screen focuses its search box. */
  searchNonce: number;
  dossier: DossierRef | null;
  /** Bumped whenever a dossier changes here, so open lists reload. */
  dataVersion: number;
  go(screen: Screen): void;
  back(): void;
  newIntake(): void;
  focusSearch(): void;
  openDossier(ref: DossierRef): void;
  closeDossier(): void;
  dossiersChanged(): void;
  /** A new sign-in starts on the home screen, never on the screen the previous officer left. */
  startOver(): void;
}

export const useNavigation = create<NavigationState>((set, get) => ({
  screen: 'home',
  previous: null,
  intakeNonce: 0,
  searchNonce: 0,
  dossier: null,
  dataVersion: 0,
  go: (screen) => {
    if (screen !== get().screen) set({ screen, previous: get().screen });
  },
  back: () => {
    const { previous } = get();
    if (previous) set({ screen: previous, previous: null });
  },
  newIntake: () => {
    get().go('intake');
    set((s) => ({ intakeNonce: s.intakeNonce + 1 }));
  },
  focusSearch: () => {
    get().go('dossiers');
    set((s) => ({ searchNonce: s.searchNonce + 1 }));
  },
  openDossier: (dossier) => set({ dossier }),
  closeDossier: () => set({ dossier: null }),
  dossiersChanged: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
  startOver: () => set({ screen: 'home', previous: null, dossier: null }),
}));
