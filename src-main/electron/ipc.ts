/**
 * IPC transport: one channel into core's dispatch. The sender's frame is checked before anything
 * else, and each window keeps its own session token here, so no token crosses the bridge.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Core } from '../core/core';
import { IPC_EVENT, IPC_INVOKE, isTrustedSender } from './security';

export function registerIpc(core: Core, windows: () => WebContents[], onRestartRequired: () => void): void {
  const tokens = new Map<number, string>();

  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url) || event.senderFrame !== event.sender.mainFrame) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ của ứng dụng' } };
    }
    const id = event.sender.id;
    const answer = await core.dispatch(String(name), input, { token: tokens.get(id) ?? null });
    if (answer.ok && name === 'auth.login') tokens.set(id, (answer.result as { token: string }).token);
    if (name === 'auth.logout' || (!answer.ok && answer.error.code === 'UNAUTHENTICATED')) tokens.delete(id);
    // A staged restore is applied when core next opens: restart once the answer is delivered.
    if (answer.ok && name === 'backup.restore' && (answer.result as { restartRequired?: boolean }).restartRequired) {
      setTimeout(onRestartRequired, 1500);
    }
    return answer;
  });

  core.events.subscribe((name, payload) => {
    for (const wc of windows()) if (!wc.isDestroyed()) wc.send(IPC_EVENT, { name, payload });
  });
}
