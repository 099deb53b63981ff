/** `npm run cli -- seed-demo --dossiers N [--data-dir D] [--seed S]`: demo data for training and benchmarks. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../core/core';
import { seedDemo } from '../core/demo/seed-demo';
import { defaultDataDir } from '../core/paths';
import type { CliCommand } from './command';

export const DEMO_SETUP = {
  office: {
    name: 'Trung tâm Phục vụ hành chính công xã Tân Lập',
    governingBody: 'Ủy ban nhân dân xã Tân Lập',
    agencyCode: '000.00.17.H56',
    province: 'Thanh Hóa',
  },
  admin: { username: 'quantri', password: 'cay-bang-ven-song-26', fullName: 'Quản trị viên (dữ liệu mẫu)' },
};

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  summary: 'Tạo dữ liệu mẫu (hồ sơ giả lập hai năm) để tập huấn hoặc đo hiệu năng. Không đồng bộ lên tỉnh.',
  usage: 'seed-demo --dossiers N [--data-dir THƯ_MỤC] [--seed SỐ]',
  async run(args, { clock }) {
    const { values } = parseArgs({
      args,
      options: { dossiers: { type: 'string', default: '1000' }, 'data-dir': { type: 'string', default: defaultDataDir() }, seed: { type: 'string', default: '20261122' } },
    });
    const count = Number(values.dossiers);
    if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
      console.error('--dossiers phải là số nguyên từ 1 đến 5.000.000');
      return 2;
    }
    const core = await openCore({ dataDir: path.resolve(values['data-dir']), clock });
    try {
      if (!core.services.office.isInitialized()) {
        await core.services.office.initialize(DEMO_SETUP.office, DEMO_SETUP.admin);
        console.log(`Đã khởi tạo cơ quan mẫu; đăng nhập: ${DEMO_SETUP.admin.username} / ${DEMO_SETUP.admin.password}`);
      }
      let shown = 0;
      const result = seedDemo(core, {
        dossiers: count,
        seed: Number(values.seed),
        onProgress: (done, total) => {
          const pct = Math.floor((done / total) * 100);
          if (pct >= shown + 10 || done === total) {
            shown = pct;
            console.log(`  ${done.toLocaleString('vi-VN')} / ${total.toLocaleString('vi-VN')} hồ sơ (${pct}%)`);
          }
        },
      });
      console.log(`Đã tạo ${result.inserted.toLocaleString('vi-VN')} hồ sơ mẫu trong ${(result.ms / 1000).toFixed(1)} giây.`);
      return 0;
    } finally {
      core.close();
    }
  },
};
