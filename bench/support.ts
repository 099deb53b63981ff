/** Shared set-up for benchmarks: throwaway data folders and a sample office. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tmpDataDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `motcua-bench-${name}-`));
}

export const BENCH_SETUP = {
  office: {
    name: 'Trung tâm Phục vụ hành chính công xã Tân Lập',
    governingBody: 'Ủy ban nhân dân xã Tân Lập',
    agencyCode: '000.00.17.H56',
    province: 'Thanh Hóa',
  },
  admin: { username: 'quantri', password: 'song-Ma-mua-lua-chin', fullName: 'Nguyễn Văn Quản' },
};
