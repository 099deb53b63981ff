/**
 * `npm run cli -- verify [--data-dir D]`: quick_check of the database and the audit log's hash
 * chain. Prints OK, or the first problem (the first broken audit row) and exits 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { verifyAudit } from '../core/audit/audit-log';
import { auditRowCount } from '../core/audit/audit-viewer';
import { quickCheck } from '../core/db/verify';
import { DB_FILE_NAME } from '../core/core';
import { wrapDrizzle } from '../core/db/open';
import { defaultDataDir } from '../core/paths';
import type { CliCommand } from './command';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Kiểm tra cơ sở dữ liệu (quick_check) và chuỗi băm của nhật ký thao tác; báo dòng hỏng đầu tiên.',
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
      console.log(`OK: quick_check ok; nhật ký thao tác ${auditRowCount(db).toLocaleString('vi-VN')} dòng, chuỗi băm nguyên vẹn.`);
      return 0;
    } finally {
      sqlite.close();
    }
  },
};
