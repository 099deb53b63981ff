/**
 * `npm run cli -- export-pending --data-dir D --out F`: every change not yet sent to the
 * province, in one file signed by this device, to carry on USB when the line is down for days,
 * with the scanned papers the province does not hold yet in the folder `F.files` beside it.
 * The ops stay pending here: the hub answers `duplicate` when they later arrive online too, and
 * the files count as uploaded once the hub, reached online, says it holds them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appendAudit } from '../core/audit/audit-log';
import { bundleFilesDir } from '@shared/sync/offline-bundle';
import { copyBundleFiles } from '../core/backup/bundle-files';
import { exportPendingBundle } from '../core/backup/export-pending';
import { keyFingerprint } from '../core/backup/offline-bundle';
import { DB_FILE_NAME } from '../core/core';
import { openSqlite, wrapDrizzle } from '../core/db/open';
import { FileStore } from '../core/files/store';
import { defaultDataDir } from '../core/paths';
import type { CliCommand } from './command';

export const exportPendingCommand: CliCommand = {
  name: 'export-pending',
  summary: 'Xuất các thay đổi chưa đồng bộ ra tệp có chữ ký của máy này, để mang lên tỉnh bằng USB khi mất mạng lâu ngày.',
  usage: 'export-pending --out TỆP [--data-dir THƯ_MỤC]',
  async run(args, { clock }) {
    const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string', default: defaultDataDir() }, out: { type: 'string' } } });
    if (!values.out) {
      console.error('Thiếu --out: tệp cần ghi (ví dụ E:\\dong-bo-2026-11-22.json).');
      return 2;
    }
    const dataDir = path.resolve(values['data-dir']);
    const dbFile = path.join(dataDir, DB_FILE_NAME);
    if (!fs.existsSync(dbFile)) {
      console.error(`Không tìm thấy cơ sở dữ liệu ${dbFile}`);
      return 2;
    }
    const sqlite = openSqlite(dbFile);
    try {
      const db = wrapDrizzle(sqlite);
      const now = clock.now();
      const bundle = exportPendingBundle(db, now);
      const out = path.resolve(values.out);
      const pages = bundle.body.pages ?? [];
      let carried;
      try {
        // The files first, the signed JSON last: a stick pulled out half-way holds no bundle to import.
        carried = await copyBundleFiles(new FileStore(path.join(dataDir, 'files')), pages, bundleFilesDir(out));
        fs.writeFileSync(`${out}.tmp`, JSON.stringify(bundle));
        fs.renameSync(`${out}.tmp`, out);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'ENOSPC' && code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS' && code !== 'EIO') throw err;
        console.error(
          code === 'ENOSPC'
            ? `Ổ ${path.dirname(out)} đã đầy: chưa xuất được. Hãy dùng USB còn trống nhiều hơn; máy này không thay đổi gì.`
            : `Không ghi được vào ${path.dirname(out)} (${code}): USB bị khóa ghi hoặc hỏng. Máy này không thay đổi gì.`,
        );
        return 1;
      }
      const fingerprint = keyFingerprint(bundle.body.publicKey);
      appendAudit(db, {
        at: now.toISOString(),
        officerId: null,
        action: 'sync.export_pending',
        target: path.basename(out),
        details: { ops: bundle.body.ops.length, deviceEpoch: bundle.body.deviceEpoch, fingerprint, pages: pages.length, files: carried.files, bytes: carried.bytes, damaged: carried.damaged },
      });
      console.log(`Đã xuất ${bundle.body.ops.length} thay đổi chưa đồng bộ vào ${out}`);
      if (pages.length > 0) {
        console.log(`Kèm ${carried.files} tệp giấy tờ số hóa (${(carried.bytes / 1_048_576).toFixed(1)} MB) trong thư mục ${bundleFilesDir(out)}: hãy chép cả thư mục này.`);
      }
      if (carried.damaged.length > 0) {
        console.error(`${carried.damaged.length} tệp giấy tờ bị hỏng hoặc mất trên máy này nên không được mang theo; hãy chạy "verify" để kiểm tra.`);
      }
      console.log(`Máy: ${bundle.body.deviceId}, kỳ ${bundle.body.deviceEpoch}, dấu khóa ${fingerprint}`);
      return 0;
    } finally {
      sqlite.close();
    }
  },
};
