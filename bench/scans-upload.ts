/**
 * Số hóa, the upload figure: 100 MB of scanned pages from a counter to the hub through a link
 * shaped like a commune's ADSL (8 Mbit/s up, 20 ms each way: tests/support/link-proxy.ts), once
 * clean and once with 5 cuts, side by side in one run. Reported: throughput as % of the link rate
 * (goal ≥ 90 %) and chunks re-sent per cut (goal ≤ 1), bounded from above by every byte that
 * crossed the link beyond the files.
 *
 * Pages are random bytes (as incompressible as JPEG) of a stored page's size, ~450 KB, attached
 * to dossiers the hub has acknowledged; capture is measured by bench/scans.ts itself.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DEFAULT_CHUNK_SIZE } from '../src-main/core/sync/file-upload';
import { buildApp } from '../src-server/app';
import { createCommune, issueEnrollmentCode } from '../src-server/admin/communes';
import { openDatabase } from '../src-server/db/open';
import { startLinkProxy } from '../tests/support/link-proxy';
import { startTestPostgres } from '../tests/support/postgres';
import { printTable, writeResults } from './stats';
import { BENCH_SETUP, loadAverage, openSignedInCore, tmpDataDir } from './support';

const TOTAL_BYTES = Number(process.env.BENCH_UPLOAD_MB ?? 100) * 1_000_000;
const PAGE_BYTES = 450_000;
const LINK_BYTES_PER_SECOND = 1_000_000; // 8 Mbit/s
const LATENCY_MS = 20;
const CUTS = 5;
const UPLOAD_CHUNK = Number(process.env.BENCH_UPLOAD_CHUNK ?? DEFAULT_CHUNK_SIZE);
const AT = new Date('2026-11-23T02:15:00Z');

interface Run {
  seconds: number;
  fileBytes: number;
  linkBytes: number;
  cuts: number;
  percentOfLink: number;
}

export async function runScanUploadBench() {
  const pg = await startTestPostgres();
  const database = await openDatabase({ kind: 'postgresql', url: pg.url, poolSize: 10 });
  const clock = { now: () => AT };
  const app = await buildApp({ database, logger: false, clock, files: { dir: tmpDataDir('hub-files') } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const hubPort = (app.server.address() as AddressInfo).port;
  const proxy = await startLinkProxy({ host: '127.0.0.1', port: hubPort }, { bytesPerSecond: LINK_BYTES_PER_SECOND, latencyMs: LATENCY_MS });
  const { core, call, session } = await openSignedInCore('scans-upload', {
    clock,
    // The pages are random bytes, not PDFs: the reader would fail on each, in parallel with the
    // upload, and the figure is the link's. A real page is read once, at capture, long before it goes.
    ocr: { enabled: false },
    sync: { fileChunkSize: UPLOAD_CHUNK, fileRetryDelays: [0, 200, 500, 1000, 2000] },
  });
  try {
    const agency = BENCH_SETUP.office.agencyCode;
    await createCommune(database.db, { code: agency, name: BENCH_SETUP.office.governingBody });
    const { code } = await issueEnrollmentCode(database.db, agency, AT);
    await call('sync.enroll', { hubUrl: proxy.url, code }, session);
    const { id: officerId } = core.db.$client.prepare('SELECT id FROM officer LIMIT 1').get() as { id: string };

    /** Dossiers acknowledged by the hub, then ~100 MB of new pages attached to them. */
    const stagePages = async (): Promise<number> => {
      const dossierIds: string[] = [];
      for (let i = 0; i < 20; i++) {
        const d = await call('dossiers.receive', { procedureCode: '1.004194', applicant: { fullName: `Người nộp ${i}`, phone: '0912345678', address: 'Thôn Đông' } }, session);
        dossierIds.push(d.id);
      }
      await call('sync.now', {}, session);
      const insert = core.db.$client.prepare(
        `INSERT INTO scan_page (id, batch, dossier_id, role, item_position, item_name, seq, sha256, size, source, added_at, added_by)
         VALUES (?, ?, ?, 'document', 0, 'Giấy tờ', ?, ?, ?, 'upload', ?, ?)`,
      );
      let bytes = 0;
      for (let i = 0; bytes < TOTAL_BYTES; i++) {
        const stored = core.services.files.put(randomBytes(PAGE_BYTES));
        insert.run(randomUUID(), 'bench', dossierIds[i % dossierIds.length], i, stored.sha256, stored.size, AT.toISOString(), officerId);
        bytes += stored.size;
      }
      return bytes;
    };

    const measure = async (cuts: number): Promise<Run> => {
      const fileBytes = await stagePages();
      const linkBefore = proxy.bytesUp;
      const cutsBefore = proxy.cuts;
      if (cuts > 0) proxy.cutAfter(Array.from({ length: cuts }, (_, k) => Math.round(((k + 1) * fileBytes) / (cuts + 1))));
      const t0 = performance.now();
      const status = await call('sync.now', {}, session);
      const seconds = (performance.now() - t0) / 1000;
      if (status.files.waiting !== 0 || status.lastError) throw new Error(`upload incomplete: ${JSON.stringify(status.lastError)} ${status.files.waiting} waiting`);
      return {
        seconds,
        fileBytes,
        linkBytes: proxy.bytesUp - linkBefore,
        cuts: proxy.cuts - cutsBefore,
        percentOfLink: (100 * fileBytes) / seconds / LINK_BYTES_PER_SECOND,
      };
    };

    const load = loadAverage();
    const clean = await measure(0);
    const cut = await measure(CUTS);
    const loadAfter = loadAverage();
    // Everything that crossed the link beyond the files themselves (request headers, claims, HEADs
    // and the bytes re-sent after each cut) counted as re-sent: an upper bound, not an estimate
    // that the clean run's own noise (retries on a starved machine) can push below zero.
    const resent = cut.linkBytes - cut.fileBytes;
    const chunksPerCut = resent / UPLOAD_CHUNK / Math.max(1, cut.cuts);
    const mb = (n: number) => (n / 1_000_000).toFixed(1);
    printTable(`Số hóa: upload of ${mb(cut.fileBytes)} MB through 8 Mbit/s, ${LATENCY_MS} ms each way, chunk ${UPLOAD_CHUNK / 1024} KiB (load ${load.toFixed(1)} → ${loadAfter.toFixed(1)})`, [
      { measure: `clean link: ${mb(clean.fileBytes)} MB in ${clean.seconds.toFixed(1)} s`, note: `${clean.percentOfLink.toFixed(1)} % of the link rate` },
      { measure: `${cut.cuts} cuts: ${mb(cut.fileBytes)} MB in ${cut.seconds.toFixed(1)} s`, goal: '≥ 90 % of the link', note: `${cut.percentOfLink.toFixed(1)} % of the link rate` },
      { measure: 'ratio cut / clean throughput', note: `${(cut.percentOfLink / clean.percentOfLink).toFixed(3)}` },
      { measure: 'bytes re-sent per cut (upper bound: all non-file bytes)', goal: '≤ 1 chunk', note: `≤ ${Math.round(resent / Math.max(1, cut.cuts) / 1024)} KiB = ≤ ${chunksPerCut.toFixed(2)} chunk per cut` },
    ]);
    return { clean, cut, chunkBytes: UPLOAD_CHUNK, latencyMs: LATENCY_MS, resentBytes: resent, chunksPerCut, load, loadAfter };
  } finally {
    core.close();
    await proxy.close();
    await app.close();
    await database.close();
    await pg.stop();
  }
}

/** `npm run bench -- scans-upload` alone, for tuning the chunk size without the capture runs. */
export async function runScanUploadSuite() {
  return writeResults('scans-upload', await runScanUploadBench());
}
