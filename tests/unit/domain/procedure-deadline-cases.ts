/**
 * Hand-worked due dates for the per-procedure rules of the catalog seed (issue "figures an
 * inspector would sign"): the 15:00 rule where the statute has it, the verification limits, the
 * counting convention of "N ngày làm việc", the land procedures of QĐ 2304/QĐ-BNNMT and chấm dứt
 * giám hộ (Luật Hộ tịch Điều 22). Worked by hand from DOMAIN.md §5.3 and the default sessions
 * 07:00–11:30 (270 min) and 13:30–17:00 (210 min) = 480 min a day; Tue 24/11/2026 is a holiday
 * (Ngày Văn hóa Việt Nam). Never copied from the engine.
 */
import type { WorkingDayCounting } from '@shared/domain/deadline';

export interface ProcedureCase {
  name: string;
  /** National code in the catalog seed. */
  code: string;
  received: string; // 'yyyy-mm-dd HH:mm' Vietnam
  /** Use the procedure's verification limit (cần xác minh). */
  verifying?: boolean;
  counting?: WorkingDayCounting;
  due: string;
}

export const PROCEDURE_CASES: ProcedureCase[] = [
  // --- the 15:00 rule per procedure -----------------------------------------------------------
  { name: 'kết hôn received Friday 20/11/2026 15:30 (after 15:00) is due Monday 23/11 at closing', code: '1.000894', received: '2026-11-20 15:30', due: '2026-11-23 17:00' },
  { name: 'kết hôn received Friday 20/11/2026 14:00 is due the same day at 17:00', code: '1.000894', received: '2026-11-20 14:00', due: '2026-11-20 17:00' },
  // Wed 15:10 is after 15:00: next working day Thu 26/11.
  { name: 'khai tử received Wednesday 25/11/2026 15:10 is due Thursday 26/11 at closing', code: '1.000656', received: '2026-11-25 15:10', due: '2026-11-26 17:00' },
  { name: 'chứng thực chữ ký người dịch received Friday 16:00 is due Monday (NĐ 23/2015 Điều 7, 33)', code: '2.000992', received: '2026-11-20 16:00', due: '2026-11-23 17:00' },
  { name: 'khai sinh received 15:01 on Monday 23/11/2026 skips the 24/11 holiday: due Wednesday 25/11', code: '1.001193', received: '2026-11-23 15:01', due: '2026-11-25 17:00' },

  // --- verification: the longer statutory limit, counted from receipt ---------------------------
  // Mon 23/11 09:00: 150 + 210 = 360; Tue holiday; Wed 840; Thu 1320; Fri 1800; Mon 30/11 2280; Tue 01/12 07:00 + 120.
  { name: 'kết hôn with verification: 5 working days from Monday 23/11/2026 09:00 end Tuesday 01/12 09:00', code: '1.000894', received: '2026-11-23 09:00', verifying: true, due: '2026-12-01 09:00' },
  // Wed 25/11 15:10: 110; Thu 590; Fri 1070; Mon 30/11: 270 → 1340, +100 from 13:30 → 15:10.
  { name: 'khai tử with verification: 3 working days from Wednesday 25/11/2026 15:10 end Monday 30/11 15:10 (no 15:00 shift)', code: '1.000656', received: '2026-11-25 15:10', verifying: true, due: '2026-11-30 15:10' },

  // --- chấm dứt giám hộ: 02 working days (Luật Hộ tịch Điều 22) -------------------------------
  // Mon 23/11 10:00: 90 + 210 = 300; Tue holiday; Wed 780; Thu 180 more → 10:00.
  { name: 'chấm dứt giám hộ: 2 working days from Monday 23/11/2026 10:00 end Thursday 26/11 10:00', code: '1.004845', received: '2026-11-23 10:00', due: '2026-11-26 10:00' },

  // --- land, QĐ 2304/QĐ-BNNMT ------------------------------------------------------------------
  // Working days from Mon 09/11: 9–13 (5), 16–20 (10), 23 (11), 25 (12), 26 (13), 27 (14), 30 (15), 01/12 (16), 02/12 (17).
  { name: '1.013949: 15 working days from Monday 09/11/2026 07:00 end Monday 30/11 17:00', code: '1.013949', received: '2026-11-09 07:00', due: '2026-11-30 17:00' },
  { name: '1.013978: 17 working days (the lower end of 17–20) from Monday 09/11/2026 07:00 end Wednesday 02/12 17:00', code: '1.013978', received: '2026-11-09 07:00', due: '2026-12-02 17:00' },

  // --- the counting convention of "N ngày làm việc" ---------------------------------------------
  // hours: Fri 16:30–17:00 30; Mon 510; Wed 990; Thu +450 → 16:30.
  { name: 'hours convention: 3 working days (XNTTHN) from Friday 20/11/2026 16:30 end Thursday 26/11 16:30', code: '1.004873', received: '2026-11-20 16:30', counting: 'hours', due: '2026-11-26 16:30' },
  // next_day: Friday not counted; Mon 23 (1), Wed 25 (2), Thu 26 (3).
  { name: 'next-day convention (BLDS Điều 147–148): the same dossier ends Thursday 26/11 at closing', code: '1.004873', received: '2026-11-20 16:30', counting: 'next_day', due: '2026-11-26 17:00' },
  // next_day: Mon 23 not counted; Wed (1), Thu (2).
  { name: 'next-day convention: chấm dứt giám hộ from Monday 23/11/2026 10:00 ends Thursday 26/11 at closing', code: '1.004845', received: '2026-11-23 10:00', counting: 'next_day', due: '2026-11-26 17:00' },
  // next_day received on Saturday: Saturday not counted; Mon 23 (1), Wed 25 (2), Thu 26 (3).
  { name: 'next-day convention: an online dossier of Saturday 21/11/2026 counts Monday as day 1: 3 days end Thursday 26/11', code: '1.004873', received: '2026-11-21 09:00', counting: 'next_day', due: '2026-11-26 17:00' },
  // next_day with verification: Mon 23 not counted; Wed 25 (1), Thu (2), Fri (3), Mon 30 (4), Tue 01/12 (5).
  { name: 'next-day convention with verification: kết hôn from Monday 23/11/2026 09:00 ends Tuesday 01/12 at closing', code: '1.000894', received: '2026-11-23 09:00', verifying: true, counting: 'next_day', due: '2026-12-01 17:00' },
];
