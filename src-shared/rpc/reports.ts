/** Tổng quan and Báo cáo: what leaders watch (QĐ 766 on-time rate) and Biểu số II.06a. */
import { z } from 'zod';
import { ymdSchema } from './common';
import { row } from './row';

const count = z.number().int().min(0);

export const ii06aRowSchema = z.object({
  field: z.string(),
  fieldLabel: z.string(),
  receivedOnline: count, // (4)
  receivedDirect: count, // (5) trực tiếp, dịch vụ bưu chính
  carriedOver: count, // (6) từ kỳ trước
  received: count, // (3) = (4)+(5)+(6)
  resolvedEarly: count, // (8)
  resolvedOnTime: count, // (9)
  resolvedLate: count, // (10)
  resolved: count, // (7) = (8)+(9)+(10)
  pendingInTime: count, // (12)
  pendingLate: count, // (13)
  pending: count, // (11) = (12)+(13)
  // Shown apart, below the official columns (each is already counted in one of them):
  resolvedLateApologised: count, // of (10): late with a Mẫu 04 apology
  pendingLateApologised: count, // of (13): overdue with a Mẫu 04 apology
  withdrawn: count, // of (9): withdrawn by the citizen, counted on time (template footnote)
  exceptions: count, // more than one supplement request, counted late/overdue (QĐ 766)
});
export type II06aRow = z.infer<typeof ii06aRowSchema>;

export const ii06aSchema = z.object({
  from: z.string(),
  to: z.string(),
  periodLabel: z.string(),
  /** The instant pending dossiers are graded at: now, or the period's last moment if it is over. */
  asOf: z.string(),
  rows: z.array(ii06aRowSchema),
  total: ii06aRowSchema,
});
export type II06a = z.infer<typeof ii06aSchema>;

const period = z
  .strictObject({ from: ymdSchema, to: ymdSchema })
  .refine((p) => p.from <= p.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc', path: ['to'] });

const lateItem = z.object({
  id: z.string(),
  code: z.string(),
  applicantName: z.string(),
  procedureName: z.string(),
  dueAt: z.string(),
  daysLate: z.number(),
});

export const dashboardSchema = z.object({
  /** The instant everything is graded at (now). */
  asOf: z.string(),
  today: z.object({ received: count, returned: count }),
  month: z.object({
    received: count,
    returned: count,
    /** Solved this month (result ready, returned, stopped or withdrawn; refusals at the counter excluded). */
    finished: count,
    /** Of them, early or on time against the legal due date. */
    onTime: count,
    /** Of the late ones, those with a Mẫu 04 apology. */
    lateApologised: count,
    /** More than one supplement request (counted late). */
    exceptions: count,
  }),
  /** QĐ 766 indicator 2.1 for this month: (trước hạn + đúng hạn) / đã giải quyết; null when none finished. */
  onTimeRate: z.number().nullable(),
  /** Pending and overdue now (as Biểu II.06a column 13 counts them today). */
  overdueCount: count,
  /** Of them, those with a Mẫu 04 apology. */
  overdueApologised: count,
  overdue: z.array(lateItem.extend({ extendedDueAt: z.string().nullable(), exception: z.boolean() })),
  dueSoon: z.array(lateItem.omit({ daysLate: true })),
  byField: z.array(z.object({ field: z.string(), label: z.string(), received: count, finished: count, onTime: count })),
  byMonth: z.array(z.object({ month: z.string(), received: count, finished: count, late: count })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const reportRows = {
  // Tổng quan refreshes itself every few minutes: not a sign that someone is at the desk.
  'reports.dashboard': row({ input: z.strictObject({}), output: dashboardSchema, access: 'signedIn', passive: true }),
  'reports.ii06a': row({ input: period, output: ii06aSchema, access: ['leader', 'admin'] }),
  /** The same report as a file for the province: CSV (UTF-8 with BOM) or XLSX, formulas neutralised. */
  'reports.exportII06a': row({
    input: z.strictObject({ from: ymdSchema, to: ymdSchema, format: z.enum(['csv', 'xlsx']) }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
    access: ['leader', 'admin'],
  }),
  /** Kết thúc ngày: what the counter did on one day. */
  'reports.dailyClosing': row({
    input: z.strictObject({ date: ymdSchema }),
    output: z.object({
      date: z.string(),
      received: count,
      rejected: count,
      returned: count,
      /** Solved that day (any receipt date), graded against the legal due date. */
      solved: z.object({ total: count, onTime: count, late: count, lateApologised: count }),
      feesTotal: count,
      byProcedure: z.array(z.object({ procedureCode: z.string(), procedureName: z.string(), received: count, fees: count })),
      byOfficer: z.array(z.object({ officer: z.string(), received: count })),
    }),
    access: 'signedIn',
  }),
} as const;
