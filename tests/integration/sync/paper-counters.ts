/**
 * Counters of the file-upload tests (filesystem and S3 stores alike): real cores enrolled with a
 * live hub through the link proxy, acknowledged dossiers, and pages naming stored files.
 */
import { expect } from 'vitest';
import type { SyncStatus } from '@shared/rpc/sync';
import type { Clock } from '@shared/clock';
import { openCore, type Core } from '../../../src-main/core/core';
import type { LinkProxy } from '../../support/link-proxy';
import { tempDir } from '../../support/web-host';
import { addScanPage, enrollmentCode, initCounter, receiveInput, rpcOk, type LiveHub } from './support';

export interface Counter {
  core: Core;
  admin: string;
  dataDir: string;
}

export const PAGE_ITEM = 'Tờ khai thay đổi thông tin cư trú';

export function paperCounters(env: { clock: Clock; chunk: number; hub: () => LiveHub; proxy: () => LinkProxy }) {
  const counters: Counter[] = [];
  /** Counters of one commune number their dossiers apart by desk, as the province requires. */
  let desks = 0;
  const call = <T = any>(c: Counter, name: string, input: unknown = {}) => rpcOk<T>(c.core, c.admin, name, input);

  async function counter(agency: string, dataDir = tempDir('motcua-files-')): Promise<Counter> {
    const core = await openCore({ dataDir, clock: env.clock, sync: { fileChunkSize: env.chunk, fileRetryDelays: [0, 50, 100, 200] } });
    const c = { core, admin: '', dataDir };
    counters.push(c);
    desks += 1;
    ({ admin: c.admin } = await initCounter(core, agency, desks));
    await call(c, 'sync.enroll', { hubUrl: env.proxy().url, code: await enrollmentCode(env.hub(), agency) });
    return c;
  }

  /** A received dossier the hub has acknowledged. */
  async function acknowledgedDossier(c: Counter, name: string): Promise<string> {
    await call(c, 'dossiers.receive', receiveInput(name));
    const { id } = c.core.db.$client.prepare('SELECT id FROM dossier ORDER BY rowid DESC LIMIT 1').get() as { id: string };
    const status = await call<SyncStatus>(c, 'sync.now');
    expect(status.pending).toBe(0);
    return id;
  }

  /** A page of the dossier naming a stored file (capture itself is tested in tests/integration/scans). */
  const addPage = (c: Counter, dossierId: string, bytes: Buffer, seq = 0): string =>
    addScanPage(c.core, env.clock.now().toISOString(), { dossierId, bytes, seq, itemName: PAGE_ITEM });

  const uploadRow = (c: Counter, pageId: string) =>
    c.core.db.$client.prepare('SELECT state, upload_url AS uploadUrl, attempts FROM file_upload WHERE page_id = ?').get(pageId) as
      | { state: string; uploadUrl: string | null; attempts: number }
      | undefined;

  const closeAll = () => {
    for (const c of counters) c.core.close();
  };

  return { counters, call, counter, acknowledgedDossier, addPage, uploadRow, closeAll };
}
