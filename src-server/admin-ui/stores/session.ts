/**
 * Who is signed in. The Authorization value lives in memory and in sessionStorage only, so a
 * reload keeps the tab signed in while closing it forgets the password (no localStorage, no
 * cookie).
 */
import { create } from 'zustand';
import type { AdminCallName, AdminOutput } from '@shared/hub-admin/api';
import { AdminApiError, basicAuthorization, callAdminApi, type AdminCall } from '../api/client';

const STORAGE_KEY = 'motcua.hub-admin.session';

interface Stored {
  username: string;
  authorization: string;
}

function readStored(): Stored | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch (err) {
    // Unreadable (edited by hand) or storage refused by the browser: start signed out.
    if (!(err instanceof SyntaxError) && !(err instanceof Error && err.name === 'SecurityError')) throw err;
    return null;
  }
}

interface SessionState {
  session: Stored | null;
  /** Resolves false for a wrong username or password; other failures throw. */
  login(username: string, password: string): Promise<boolean>;
  logout(): void;
}

export const useSession = create<SessionState>((set) => ({
  session: readStored(),
  async login(username, password) {
    const authorization = basicAuthorization(username, password);
    try {
      await callAdminApi(authorization, 'stats.communes');
    } catch (err) {
      if (err instanceof AdminApiError && err.status === 401) return false;
      throw err;
    }
    const session = { username, authorization };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    set({ session });
    return true;
  },
  logout() {
    sessionStorage.removeItem(STORAGE_KEY);
    set({ session: null });
  },
}));

/** An admin API call as the signed-in user; a 401 (password changed meanwhile) signs out. */
export async function callAdmin<N extends AdminCallName>(name: N, call: AdminCall<N> = {}): Promise<AdminOutput<N>> {
  const { session, logout } = useSession.getState();
  if (!session) throw new AdminApiError(401, 'unauthenticated', '');
  try {
    return await callAdminApi(session.authorization, name, call);
  } catch (err) {
    if (err instanceof AdminApiError && err.status === 401) logout();
    throw err;
  }
}
