/**
 * `npm run cli -- verify [--data-dir D]`: quick_check of the database, the audit log's hash
 * chain, and every stored file a row names (signed copies, scanned pages and their thumbnails)
 * against its SHA-256. Prints OK, or the first problems and exits 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { verifyAudit } from '../core/audit/audit-log';
import { auditRowCount } from '../core/audit/audit-viewer';
import { quickCheck } from '../core/db/verify';
import { DB_FILE_NAME } from '../core/core';
import { FileStore } from '../core/files/store';
import { wrapDrizzle } from '../core/db/open';
import { defaultDataDir } from '../core/paths';
import type { CliCommand } from './command';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Kiểm tra cơ sở dữ liệu (quick_check), chuỗi băm của nhật ký thao tác và mã băm của mọi tệp lưu trữ (bản số hóa, bản ký số); báo chỗ hỏng đầu tiên.',
  usage: 'verify [--data-dir THƯ_MỤC]',
  async run(args) {
    const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string', default: defaultDataDir() } } });
    const dbFile = path.join(path.resolve(values['data-dir']), DB_FILE_NAME);
    if (!fs.existsSync(dbFile)) {
      console.error(`Không tìm thấy cơ sở dữ liệu ${dbFile}`);
      return 2;
    }
    // Read-write open (nothing is written): a read-only one could not replay a crashed run's WAL.
    const sqlite = new Database(dbFile, { fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    try {
      const problems = quickCheck(sqlite);
      if (problems.length !== 1 || problems[0] !== 'ok') {
        console.log(`LỖI: quick_check báo hỏng: ${problems.slice(0, 10).join('; ')}`);
        return 1;
      }
      const db = wrapDrizzle(sqlite);
      const broken = verifyAudit(db);
      if (broken) {
        const row = sqlite.prepare('SELECT seq, at, officer_id, action, target FROM audit_log WHERE seq = ?').get(broken.seq);
        console.log(`LỖI: nhật ký thao tác hỏng tại dòng ${broken.seq}: ${broken.problem}`);
        console.log(`     ${JSON.stringify(row)}`);
        return 1;
      }
      const files = new FileStore(path.join(path.resolve(values['data-dir']), 'files'));
      const named = namedFiles(sqlite);
      const bad = named.filter((sha) => !files.verify(sha));
      if (bad.length) {
        console.log(`LỖI: ${bad.length.toLocaleString('vi-VN')} tệp lưu trữ bị mất hoặc không khớp mã băm: ${bad.slice(0, 10).join(', ')}`);
        return 1;
      }
      console.log(`OK: quick_check ok; nhật ký thao tác ${auditRowCount(db).toLocaleString('vi-VN')} dòng, chuỗi băm nguyên vẹn; ${named.length.toLocaleString('vi-VN')} tệp lưu trữ khớp mã băm.`);
      return 0;
    } finally {
      sqlite.close();
    }
  },
};

/** Every hash a row names: the dossiers' files (signed copies, results) and the scanned pages with their thumbnails. */
function namedFiles(sqlite: Database.Database): string[] {
  const rows = sqlite
    .prepare(
      `SELECT sha256 FROM dossier_file
       UNION SELECT sha256 FROM scan_page
       UNION SELECT thumb_sha256 FROM scan_page WHERE thumb_sha256 IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
  return rows.sort();
}
