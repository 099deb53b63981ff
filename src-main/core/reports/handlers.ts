/** RPC handlers for Tổng quan and Báo cáo (src-shared/rpc/reports.ts). */
import type { reportRows } from '@shared/rpc/reports';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import type { HandlerGroup } from '../rpc/handlers';
import type { OfficeService } from '../setup/office';
import { computeDailyClosing } from './daily-closing';
import { computeDashboard } from './dashboard';
import { exportII06a } from './export';
import { computeII06a } from './ii06a';

export function reportHandlers(d: { db: CounterDb; clock: Clock; office: OfficeService }): HandlerGroup<keyof typeof reportRows> {
  return {
    'reports.dashboard': () => computeDashboard(d.db, d.clock.now()),
    'reports.ii06a': (i) => computeII06a(d.db, i.from, i.to, d.clock.now()),
    'reports.exportII06a': (i) => exportII06a(computeII06a(d.db, i.from, i.to, d.clock.now()), i.format, d.office.get().name),
    'reports.dailyClosing': (i) => computeDailyClosing(d.db, i.date),
  };
}
