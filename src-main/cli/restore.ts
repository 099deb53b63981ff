/**
 * `npm run cli -- restore --data-dir D --file F`: puts a backup back. Refused while the app runs
 * on that folder; the current database is first copied to backups/pre-restore-…, and the
 * device epoch is renewed so the hub can tell the restored outbox seqs from those already sent.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { applyPendingRestore, stageRestore } from '../core/backup/restore';
import { isHeldByLiveProcess } from '../core/backup/startup-guard';
import { DB_FILE_NAME } from '../core/core';
import { defaultDataDir } from '../core/paths';
import type { CliCommand } from './command';

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Khôi phục cơ sở dữ liệu từ một bản sao lưu (tắt ứng dụng trước); bản hiện tại được giữ lại trong backups/.',
  usage: 'restore --file TỆP_SAO_LƯU [--data-dir THƯ_MỤC]',
  async run(args, { clock }) {
    const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string', default: defaultDataDir() }, file: { type: 'string' } } });
    if (!values.file) {
      console.error('Thiếu --file: tệp sao lưu cần khôi phục (xem thư mục backups/ trong thư mục dữ liệu).');
      return 2;
    }
    const dataDir = path.resolve(values['data-dir']);
    const dbFile = path.join(dataDir, DB_FILE_NAME);
    if (isHeldByLiveProcess(dbFile)) {
      console.error('Ứng dụng đang chạy trên thư mục dữ liệu này. Hãy tắt ứng dụng rồi chạy lại lệnh khôi phục.');
      return 1;
    }
    const now = clock.now();
    const staged = stageRestore(dataDir, path.resolve(values.file), { officerId: null, via: 'cli', now });
    const applied = await applyPendingRestore(dataDir, dbFile, now);
    if (applied?.savedAs) console.log(`Đã giữ lại dữ liệu trước khi khôi phục: ${applied.savedAs}`);
    console.log(`Đã khôi phục từ ${staged.source}.`);
    console.log(`Kỳ thiết bị (device epoch) mới: ${staged.newEpoch} (trước đó ${staged.previousEpoch}).`);
    return 0;
  },
};
