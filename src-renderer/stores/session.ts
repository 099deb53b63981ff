/**
 * Who is signed in, and which screen of the app's life we are on (loading → setup → login →
 * [new password] → ready, with a lock over ready). Core holds the session and its lock: on load
 * the window asks `auth.session`, so a reload (F5, Ctrl+R) finds the lock where it was.
 *
 * In the browser the token lives in sessionStorage (a reload keeps the tab signed in, closing it
 * ends that); under Electron the main process keeps it and no token reaches this window.
 */
import { create } from 'zustand';
import type { Office, Officer, Settings } from '@shared/rpc';
import type { LockReason, SessionState as CoreSession } from '@shared/rpc/auth';
import { call, RpcError, setSessionHandlers, setToken } from '../rpc/client';
import { transport } from '../rpc/transport';
import { useIntakeDraft } from './intakeDraft';
import { useNavigation } from './navigation';

type Phase = 'loading' | 'unavailable' | 'setup' | 'login' | 'changePassword' | 'ready';

interface SessionState {
  phase: Phase;
  locked: boolean;
  lockReason: LockReason | null;
  setupCodeRequired: boolean;
  officer: Officer | null;
  office: Office | null;
  settings: Settings | null;
  error: string | null;
  boot(): Promise<void>;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  lock(reason?: LockReason): Promise<void>;
  unlock(password: string): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
}

const TOKEN_KEY = 'motcua.token';

function storeToken(token: string | null | undefined): void {
  if (transport.kind !== 'http') return;
  setToken(token ?? null);
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

async function loadSignedIn(): Promise<Pick<SessionState, 'office' | 'settings'>> {
  const [office, settings] = await Promise.all([call('office.get', {}), call('settings.get', {})]);
  return { office, settings };
}

export const useSession = create<SessionState>((set, get) => {
  /** The event stream of the signed-in session: core ends it, with a last word, when the session ends. */
  let unsubscribe: (() => void) | null = null;
  const signedOut = () => {
    unsubscribe?.();
    unsubscribe = null;
    storeToken(null);
    useIntakeDraft.getState().clear();
    set({ phase: 'login', officer: null, locked: false, lockReason: null });
  };
  /** An administrator disabling this officer, or a logout in another tab, shows the sign-in at once. */
  const listen = () => {
    if (unsubscribe) return;
    const token = transport.kind === 'http' ? sessionStorage.getItem(TOKEN_KEY) : '';
    if (token === null) return;
    unsubscribe = transport.subscribe(token, (name) => {
      if (name === 'session.ended') signedOut();
    });
  };

  /** Shows what core says about the session: the app, the lock, or the new-password form. */
  async function enter(s: Pick<CoreSession, 'officer' | 'state' | 'lockReason' | 'mustChangePassword'>): Promise<void> {
    set({ officer: s.officer, locked: s.state === 'locked', lockReason: s.lockReason });
    if (s.state === 'locked') {
      // Nothing else answers while locked; the office and settings load after the unlock.
      if (get().phase !== 'ready') set({ phase: 'ready' });
      return;
    }
    if (s.mustChangePassword) return set({ phase: 'changePassword' });
    set({ ...(await loadSignedIn()), phase: 'ready' });
    listen();
  }

  return {
    phase: 'loading',
    locked: false,
    lockReason: null,
    setupCodeRequired: false,
    officer: null,
    office: null,
    settings: null,
    error: null,

    async boot() {
      set({ phase: 'loading', error: null });
      setSessionHandlers({
        unauthenticated: signedOut,
        locked: (reason) => set({ locked: true, lockReason: reason }),
        passwordChangeRequired: () => set({ phase: 'changePassword' }),
      });
      try {
        const status = await call('setup.status', {});
        if (!status.initialized) return set({ phase: 'setup', setupCodeRequired: status.setupCodeRequired });
        if (transport.kind === 'http') {
          const saved = sessionStorage.getItem(TOKEN_KEY);
          if (!saved) return set({ phase: 'login' });
          setToken(saved);
        }
        try {
          await enter(await call('auth.session', {}));
        } catch (err) {
          // The saved session ended (or core no longer knows it): sign in again.
          if (!(err instanceof RpcError)) throw err;
          signedOut();
        }
      } catch (err) {
        set({ phase: 'unavailable', error: (err as Error).message });
      }
    },

    async signIn(username, password) {
      const answer = await call('auth.login', { username, password });
      storeToken(answer.token);
      // Whoever signs in starts afresh: not on the last officer's screen, not with their draft.
      useNavigation.getState().startOver();
      useIntakeDraft.getState().clear();
      await enter({ officer: answer.officer, state: 'open', lockReason: null, mustChangePassword: answer.mustChangePassword });
    },

    async signOut() {
      try {
        await call('auth.logout', {});
      } finally {
        signedOut();
      }
    },

    async lock(reason = 'manual') {
      if (get().phase !== 'ready' || get().locked) return;
      set({ locked: true, lockReason: reason });
      // The page is locked already; core refusing (the session just ended) changes nothing here.
      await call('auth.lock', { reason }).catch((err: unknown) => {
        if (!(err instanceof RpcError)) throw err;
      });
    },

    async unlock(password) {
      const state = await call('auth.unlock', { password });
      await enter(state);
    },

    async changePassword(currentPassword, newPassword) {
      const state = await call('auth.changePassword', { currentPassword, newPassword });
      await enter(state);
    },
  };
});
