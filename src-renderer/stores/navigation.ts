/** Which screen the signed-in shell shows. Screens are few and fixed: no router needed. */
import { create } from 'zustand';

export const SCREENS = ['home', 'intake', 'dossiers', 'returns', 'register', 'reports', 'sync', 'catalog', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

interface NavigationState {
  screen: Screen;
  go(screen: Screen): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  screen: 'home',
  go: (screen) => set({ screen }),
}));
