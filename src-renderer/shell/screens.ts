/**
 * The signed-in app's screens, each in its own chunk (src-renderer/README.md, "Loading"): the
 * sign-in screen loads none of them, and preloadSignedIn() fetches them all while the officer is
 * still typing a password, so F2/F3 after sign-in never wait on a fetch.
 */
import type { Screen } from '../stores/navigation';
import { lazyComponent, type LazyComponent } from '../ui/lazy-component';

export const SCREEN_VIEWS: Record<Screen, LazyComponent<object>> = {
  home: lazyComponent(() => import('../screens/Home').then((m) => m.Home)),
  intake: lazyComponent(() => import('../screens/intake/IntakeScreen').then((m) => m.IntakeScreen)),
  dossiers: lazyComponent(() => import('../screens/dossiers/DossiersScreen').then((m) => m.DossiersScreen)),
  returns: lazyComponent(() => import('../screens/returns/ReturnsScreen').then((m) => m.ReturnsScreen)),
  register: lazyComponent(() => import('../screens/register/RegisterScreen').then((m) => m.RegisterScreen)),
  reports: lazyComponent(() => import('../screens/reports/ReportsScreen').then((m) => m.ReportsScreen)),
  sync: lazyComponent(() => import('../screens/sync/SyncScreen').then((m) => m.SyncScreen)),
  catalog: lazyComponent(() => import('../screens/catalog/CatalogScreen').then((m) => m.CatalogScreen)),
  settings: lazyComponent(() => import('../screens/settings/SettingsScreen').then((m) => m.SettingsScreen)),
};

/** Opened over any screen: the dossier's details and the print preview. */
export const DossierDrawerView = lazyComponent(() => import('../screens/dossiers/DossierDrawer').then((m) => m.DossierDrawer));
export const PrintPreviewView = lazyComponent(() => import('../screens/print/PrintPreview').then((m) => m.PrintPreview));

/** The screens most used first load first: the landing page, F2, F3, then the rest. */
export async function preloadScreens(): Promise<void> {
  // One chunk that does not arrive does not hold back the others; it is fetched again when opened.
  await Promise.allSettled([SCREEN_VIEWS.home, SCREEN_VIEWS.intake, SCREEN_VIEWS.dossiers, DossierDrawerView, PrintPreviewView].map((v) => v.preload()));
  await Promise.all(Object.values(SCREEN_VIEWS).map((v) => v.preload()));
}
