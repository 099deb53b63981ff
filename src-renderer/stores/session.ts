/**
 * Who is signed in, and which screen of the app's life we are on (loading → setup → login →
 * ready, with a lock over ready). The token lives in sessionStorage so a reload keeps the tab
 * signed in while closing the window ends the session.
 */
import { create } from 'zustand';
import type { Office, Officer, Settings } from '@shared/rpc';
import { call, RpcError, setToken, setUnauthenticatedHandler } from '../rpc/client';

type Phase = 'loading' | 'unavailable' | 'setup' | 'login' | 'ready';

interface SessionState {
  phase: Phase;
  locked: boolean;
  officer: Officer | null;
  office: Office | null;
  settings: Settings | null;
  error: string | null;
  boot(): Promise<void>;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  lock(): void;
  unlock(password: string): Promise<void>;
}

const TOKEN_KEY = 'motcua.token';

function storeToken(token: string | null): void {
  setToken(token);
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

async function loadSignedIn(): Promise<Pick<SessionState, 'officer' | 'office' | 'settings'>> {
  const [{ officer }, office, settings] = await Promise.all([call('auth.me', {}), call('office.get', {}), call('settings.get', {})]);
  return { officer, office, settings };
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'loading',
  locked: false,
  officer: null,
  office: null,
  settings: null,
  error: null,

  async boot() {
    set({ phase: 'loading', error: null });
    setUnauthenticatedHandler(() => {
      storeToken(null);
      set({ phase: 'login', officer: null, locked: false });
    });
    try {
      const { initialized } = await call('setup.status', {});
      if (!initialized) return set({ phase: 'setup' });
      const saved = sessionStorage.getItem(TOKEN_KEY);
      if (saved) {
        setToken(saved);
        try {
          return set({ ...(await loadSignedIn()), phase: 'ready' });
        } catch (err) {
          if (!(err instanceof RpcError)) throw err;
          storeToken(null); // the saved session ended (or the host is gone): sign in again
        }
      }
      set({ phase: 'login' });
    } catch (err) {
      set({ phase: 'unavailable', error: (err as Error).message });
    }
  },

  async signIn(username, password) {
    const { token } = await call('auth.login', { username, password });
    storeToken(token);
    set({ ...(await loadSignedIn()), phase: 'ready', locked: false });
  },

  async signOut() {
    try {
      await call('auth.logout', {});
    } finally {
      storeToken(null);
      set({ phase: 'login', officer: null, locked: false });
    }
  },

  lock() {
    if (get().phase === 'ready') set({ locked: true });
  },

  async unlock(password) {
    const username = get().officer?.username;
    if (!username) return set({ phase: 'login', locked: false });
    // A fresh sign-in proves the password; the old session is closed afterwards.
    await call('auth.logout', {}).catch((err: unknown) => {
      if (!(err instanceof RpcError)) throw err; // the locked session may have ended already
    });
    const { token } = await call('auth.login', { username, password });
    storeToken(token);
    set({ locked: false });
  },
}));
