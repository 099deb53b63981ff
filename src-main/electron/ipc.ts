/**
 * IPC transport: one channel into core's dispatch. The sender's frame is checked before anything
 * else, and each window's session token is kept here in the main process: the sign-in answer
 * reaches the window without it, and the main process attaches it to that window's calls. A
 * reload (the same window) keeps the session, and core keeps its lock.
 *
 * Events go to a window only while its session is open; when the session ends (logout, a
 * disabled account, a reset password, its lifetime) the window is told once and its token is
 * forgotten.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { RpcEnvelope } from '@shared/rpc';
import type { Core } from '../core/core';
import { IPC_EVENT, IPC_INVOKE, isTrustedSender } from './security';

/** The sign-in answer as the window receives it: everything but the token. */
export function withoutToken(name: string, answer: RpcEnvelope<unknown>): RpcEnvelope<unknown> {
  if (name !== 'auth.login' || !answer.ok) return answer;
  const { token: _token, ...rest } = answer.result as { token?: string };
  return { ok: true, result: rest };
}

export function registerIpc(core: Core, windows: () => WebContents[], onRestartRequired: () => void): void {
  const tokens = new Map<number, string>();
  const unwatch = new Map<number, () => void>();

  const forget = (id: number) => {
    tokens.delete(id);
    unwatch.get(id)?.();
    unwatch.delete(id);
  };

  const remember = (wc: WebContents, token: string) => {
    forget(wc.id);
    tokens.set(wc.id, token);
    unwatch.set(
      wc.id,
      core.sessions.watch(token, (reason) => {
        tokens.delete(wc.id);
        unwatch.delete(wc.id);
        if (!wc.isDestroyed()) wc.send(IPC_EVENT, { name: 'session.ended', payload: { reason } });
      }),
    );
    wc.once('destroyed', () => forget(wc.id));
  };

  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url) || event.senderFrame !== event.sender.mainFrame) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ của ứng dụng' } };
    }
    const id = event.sender.id;
    const rowName = String(name);
    const answer = await core.dispatch(rowName, input, { token: tokens.get(id) ?? null });
    if (answer.ok && rowName === 'auth.login') remember(event.sender, (answer.result as { token: string }).token);
    if (rowName === 'auth.logout' || (!answer.ok && answer.error.code === 'UNAUTHENTICATED' && rowName !== 'auth.login')) forget(id);
    // A staged restore is applied when core next opens: restart once the answer is delivered.
    if (answer.ok && rowName === 'backup.restore' && (answer.result as { restartRequired?: boolean }).restartRequired) {
      setTimeout(onRestartRequired, 1500);
    }
    return withoutToken(rowName, answer);
  });

  core.events.subscribe((name, payload) => {
    for (const wc of windows()) {
      if (wc.isDestroyed()) continue;
      const token = tokens.get(wc.id);
      // Nothing for a window nobody is signed in to, nor behind a locked screen.
      if (token && core.sessions.status(token) === 'open') wc.send(IPC_EVENT, { name, payload });
    }
  });
}
