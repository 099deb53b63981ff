/**
 * `npm run cli -- export-pending --data-dir D --out F`: every change not yet sent to the
 * province, in one file signed by this device, to carry on USB when the line is down for days.
 * The ops stay pending here: the hub answers `duplicate` when they later arrive online too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appendAudit } from '../core/audit/audit-log';
import { exportPendingBundle } from '../core/backup/export-pending';
import { keyFingerprint } from '../core/backup/offline-bundle';
import { DB_FILE_NAME } from '../core/core';
import { openSqlite, wrapDrizzle } from '../core/db/open';
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
    const dbFile = path.join(path.resolve(values['data-dir']), DB_FILE_NAME);
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
      fs.writeFileSync(`${out}.tmp`, JSON.stringify(bundle));
      fs.renameSync(`${out}.tmp`, out);
      const fingerprint = keyFingerprint(bundle.body.publicKey);
      appendAudit(db, {
        at: now.toISOString(),
        officerId: null,
        action: 'sync.export_pending',
        target: path.basename(out),
        details: { ops: bundle.body.ops.length, deviceEpoch: bundle.body.deviceEpoch, fingerprint },
      });
      console.log(`Đã xuất ${bundle.body.ops.length} thay đổi chưa đồng bộ vào ${out}`);
      console.log(`Máy: ${bundle.body.deviceId}, kỳ ${bundle.body.deviceEpoch}, dấu khóa ${fingerprint}`);
      return 0;
    } finally {
      sqlite.close();
    }
  },
};
