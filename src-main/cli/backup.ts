/** `npm run cli -- backup [--data-dir D] [--out FILE]`: a verified copy of the database now, even while the app runs. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { fileStamp, rotate } from '../core/backup/backup-files';
import { finaliseCopy } from '../core/db/verify';
import { DB_FILE_NAME } from '../core/core';
import { defaultDataDir } from '../core/paths';
import type { CliCommand } from './command';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Sao lưu cơ sở dữ liệu ngay (kiểm tra bản sao bằng quick_check); chạy được cả khi ứng dụng đang mở.',
  usage: 'backup [--data-dir THƯ_MỤC] [--out TỆP]',
  async run(args, { clock }) {
    const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string', default: defaultDataDir() }, out: { type: 'string' } } });
    const dataDir = path.resolve(values['data-dir']);
    const dbFile = path.join(dataDir, DB_FILE_NAME);
    if (!fs.existsSync(dbFile)) {
      console.error(`Không tìm thấy cơ sở dữ liệu ${dbFile}`);
      return 2;
    }
    const backupsDir = path.join(dataDir, 'backups');
    const target = values.out ? path.resolve(values.out) : path.join(backupsDir, `manual-${fileStamp(clock.now())}.sqlite`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const sqlite = new Database(dbFile, { fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    try {
      await sqlite.backup(`${target}.tmp`);
    } finally {
      sqlite.close();
    }
    const check = finaliseCopy(`${target}.tmp`);
    if (!check.ok) {
      console.error(`Bản sao lưu không đạt kiểm tra: ${check.problem}`);
      return 1;
    }
    fs.renameSync(`${target}.tmp`, target);
    if (!values.out) rotate(backupsDir);
    console.log(`Đã sao lưu và kiểm tra: ${target} (${fs.statSync(target).size.toLocaleString('vi-VN')} byte)`);
    return 0;
  },
};
