/**
 * The hand-worked deadline cases (DOMAIN.md §4.5 / §5.3). Every expected value was worked out by
 * hand from DOMAIN.md §5.3 and the default sessions (07:00–11:30, 13:30–17:00 = 8 h/day), never
 * copied from the engine. Working the minutes: morning session 270 min, afternoon 210 min.
 * They assume 2025 and 2026 confirmed and 2027 a draft (fixtures.ts `confirmedCalendar`).
 * Used by the unit table test and, through the browser host, by tests/integration/core.
 */
import type { DeadlineUnit } from '@shared/domain/deadline';
import { vn } from './fixtures';

export interface Case {
  name: string;
  received: string; // 'yyyy-mm-dd HH:mm' Vietnam
  amount: number;
  unit: DeadlineUnit;
  cutoff15?: boolean;
  due: string; // 'yyyy-mm-dd HH:mm' Vietnam
  provisional?: boolean;
}

export const at = (s: string) => vn(s.slice(0, 10), s.slice(11, 16));

export const DEADLINE_CASES: Case[] = [
  // --- "trong ngày" with the 15:00 rule (chứng thực, hộ tịch) -----------------------------------
  { name: 'a dossier received at 15:30 on Friday for chứng thực is due Monday end of day', received: '2026-11-20 15:30', amount: 0, unit: 'same_day', cutoff15: true, due: '2026-11-23 17:00' },
  { name: 'chứng thực received at 14:59 on Friday is due the same Friday at 17:00', received: '2026-11-20 14:59', amount: 0, unit: 'same_day', cutoff15: true, due: '2026-11-20 17:00' },
  { name: 'chứng thực received at exactly 15:00 is not "after 15:00": due the same day', received: '2026-11-20 15:00', amount: 0, unit: 'same_day', cutoff15: true, due: '2026-11-20 17:00' },
  { name: 'received 15:01 on Monday 23/11/2026: Tuesday 24/11 is Ngày Văn hóa Việt Nam, due Wednesday', received: '2026-11-23 15:01', amount: 0, unit: 'same_day', cutoff15: true, due: '2026-11-25 17:00' },
  { name: 'Monday 23/11/2026 is a working day (no swap decided): received 10:00, due 17:00 that day', received: '2026-11-23 10:00', amount: 0, unit: 'same_day', cutoff15: true, due: '2026-11-23 17:00' },
  { name: 'an online dossier received on Saturday counts from Monday 07:00 and is due Monday', received: '2026-11-21 09:00', amount: 0, unit: 'same_day', cutoff15: true, due: '2026-11-23 17:00' },
  { name: 'received on the holiday 24/11/2026 counts from Wednesday and is due Wednesday', received: '2026-11-24 09:00', amount: 0, unit: 'same_day', cutoff15: true, due: '2026-11-25 17:00' },
  { name: 'received during the lunch break counts from 13:30 and is due the same day', received: '2026-11-20 12:00', amount: 0, unit: 'same_day', cutoff15: true, due: '2026-11-20 17:00' },
  { name: 'received after closing on Friday (17:30) is due Monday end of day', received: '2026-11-20 17:30', amount: 0, unit: 'same_day', cutoff15: true, due: '2026-11-23 17:00' },
  { name: 'without the 15:00 rule, received 16:30 is due the same day at 17:00', received: '2026-11-20 16:30', amount: 0, unit: 'same_day', cutoff15: false, due: '2026-11-20 17:00' },
  { name: 'received 16:00 on Friday 13/02/2026, before the 9-day Tết Bính Ngọ break: due Monday 23/02', received: '2026-02-13 16:00', amount: 0, unit: 'same_day', cutoff15: true, due: '2026-02-23 17:00' },
  { name: 'received 15:30 on Wednesday 29/04/2026: 30/4, 1/5 and the weekend skipped, due Monday 04/05', received: '2026-04-29 15:30', amount: 0, unit: 'same_day', cutoff15: true, due: '2026-05-04 17:00' },
  { name: 'received on Quốc khánh Tuesday 01/09/2026 counts from Thursday 03/09', received: '2026-09-01 08:00', amount: 0, unit: 'same_day', cutoff15: true, due: '2026-09-03 17:00' },
  { name: 'received 15:30 on Friday 21/08/2026: Saturday 22/08 is a make-up working day, due that Saturday', received: '2026-08-21 15:30', amount: 0, unit: 'same_day', cutoff15: true, due: '2026-08-22 17:00' },
  { name: 'received 16:00 on Friday 09/01/2026: Saturday 10/01 is a make-up working day, due that Saturday', received: '2026-01-09 16:00', amount: 0, unit: 'same_day', cutoff15: true, due: '2026-01-10 17:00' },
  { name: 'received 15:30 on 31/12/2026: 01/01/2027 holiday then weekend, due Monday 04/01/2027 (draft year)', received: '2026-12-31 15:30', amount: 0, unit: 'same_day', cutoff15: true, due: '2027-01-04 17:00', provisional: true },
  { name: 'received 15:30 on Friday 24/01/2025 before Tết Ất Tỵ: due Monday 03/02/2025', received: '2025-01-24 15:30', amount: 0, unit: 'same_day', cutoff15: true, due: '2025-02-03 17:00' },
  { name: 'received 16:00 on 29/04/2025: 30/4, 1/5, swapped 2/5 and weekend skipped, due 05/05/2025', received: '2025-04-29 16:00', amount: 0, unit: 'same_day', cutoff15: true, due: '2025-05-05 17:00' },
  { name: 'received 15:10 on Friday 04/04/2025: Giỗ Tổ Monday 07/04 skipped, due Tuesday 08/04', received: '2025-04-04 15:10', amount: 0, unit: 'same_day', cutoff15: true, due: '2025-04-08 17:00' },

  // --- ngày làm việc (8 working hours per day) ------------------------------------------------
  // Mon 23/11 08:00: 420 min left that day; 24/11 holiday; Wed 480, Thu 480 → 60 min left → Fri 08:00.
  { name: '3 working days from Monday 23/11/2026 08:00 skip 24/11 and end Friday 27/11 08:00', received: '2026-11-23 08:00', amount: 3, unit: 'working_days', due: '2026-11-27 08:00' },
  { name: '3 working days from Friday 20/11/2026 07:00 end Wednesday 25/11 at 17:00', received: '2026-11-20 07:00', amount: 3, unit: 'working_days', due: '2026-11-25 17:00' },
  // Mon 14:00–17:00 = 180; Wed morning 270 → 30 left → 14:00.
  { name: '1 working day from Monday 23/11/2026 14:00 ends Wednesday 25/11 14:00', received: '2026-11-23 14:00', amount: 1, unit: 'working_days', due: '2026-11-25 14:00' },
  // Fri 13/02 10:00: 300 min; Tết 14–22/02; Mon 23 480, Tue 24 480 → 180 left → Wed 25 10:00.
  { name: '3 working days from Friday 13/02/2026 10:00 jump Tết Bính Ngọ and end Wednesday 25/02 10:00', received: '2026-02-13 10:00', amount: 3, unit: 'working_days', due: '2026-02-25 10:00' },
  // Thu 12/02 09:00: 360; Fri 480 → 840; need 2400 → 1560: Mon 23, Tue 24, Wed 25 → 120 left → Thu 26/02 09:00.
  { name: '5 working days from Thursday 12/02/2026 09:00 end Thursday 26/02 09:00', received: '2026-02-12 09:00', amount: 5, unit: 'working_days', due: '2026-02-26 09:00' },
  // Fri 24/04 15:00: 120; Giỗ Tổ Sun 26 + nghỉ bù Mon 27; Tue 480 → 360 left: Wed 270 + 90 → 15:00.
  { name: '2 working days from Friday 24/04/2026 15:00 skip the Giỗ Tổ nghỉ bù Monday 27/04: due Wednesday 29/04 15:00', received: '2026-04-24 15:00', amount: 2, unit: 'working_days', due: '2026-04-29 15:00' },
  // Wed 29/04 08:00: 420; 30/4–3/5 off; Mon 04/05 480, Tue 480 → 60 left → Wed 06/05 08:00.
  { name: '3 working days from Wednesday 29/04/2026 08:00 skip 30/4–3/5 and end Wednesday 06/05 08:00', received: '2026-04-29 08:00', amount: 3, unit: 'working_days', due: '2026-05-06 08:00' },
  // Fri 28/08 09:00: 360; 29/08–02/09 off (31/08 swapped); Thu 03/09 480 → 120 left → Fri 04/09 09:00.
  { name: '2 working days from Friday 28/08/2026 09:00 skip the 5-day Quốc khánh break: due Friday 04/09 09:00', received: '2026-08-28 09:00', amount: 2, unit: 'working_days', due: '2026-09-04 09:00' },
  // Fri 21/08 13:30: 210; Saturday 22/08 make-up (Monday sessions) 270 → 11:30 exactly.
  { name: '1 working day from Friday 21/08/2026 13:30 ends at 11:30 on make-up Saturday 22/08', received: '2026-08-21 13:30', amount: 1, unit: 'working_days', due: '2026-08-22 11:30' },
  // Thu 31/12 09:00: 360 → 120 left; 01/01/2027 holiday; weekend; Mon 04/01 09:00 (2027 draft).
  { name: '1 working day from Thursday 31/12/2026 09:00 ends Monday 04/01/2027 09:00, provisional', received: '2026-12-31 09:00', amount: 1, unit: 'working_days', due: '2027-01-04 09:00', provisional: true },
  // Mon 29/12/2025 08:00: 420; Tue 480, Wed 480 → 60 left; 01/01 holiday, 02/01 swapped, weekend → Mon 05/01 08:00.
  { name: '3 working days from Monday 29/12/2025 08:00 skip Tết Dương lịch and the swapped 02/01: due Monday 05/01/2026 08:00', received: '2025-12-29 08:00', amount: 3, unit: 'working_days', due: '2026-01-05 08:00' },
  // Working days from Mon 09/11: 9–13 (5), 16–20 (10), 23 (11), 25 (12), 26 (13), 27 (14), 30 (15).
  { name: '15 working days from Monday 09/11/2026 07:00 end Monday 30/11/2026 17:00', received: '2026-11-09 07:00', amount: 15, unit: 'working_days', due: '2026-11-30 17:00' },
  { name: '5 working days received on the holiday 24/11/2026 count from Wednesday and end Tuesday 01/12 17:00', received: '2026-11-24 10:00', amount: 5, unit: 'working_days', due: '2026-12-01 17:00' },
  // Fri 25/04/2025 13:30: 210; Saturday 26/04/2025 make-up (Friday sessions) 270 → 11:30.
  { name: '1 working day from Friday 25/04/2025 13:30 ends on make-up Saturday 26/04/2025 at 11:30', received: '2025-04-25 13:30', amount: 1, unit: 'working_days', due: '2025-04-26 11:30' },
  { name: '2 working days from Friday 29/08/2025 07:00 skip Quốc khánh 2025 and end Wednesday 03/09/2025 17:00', received: '2025-08-29 07:00', amount: 2, unit: 'working_days', due: '2025-09-03 17:00' },
  // 15:00 rule on a working-day procedure: the clock starts next working day.
  { name: '2 working days with the 15:00 rule, received Monday 23/11/2026 15:30: starts Wednesday, due Thursday 26/11 17:00', received: '2026-11-23 15:30', amount: 2, unit: 'working_days', cutoff15: true, due: '2026-11-26 17:00' },
  // Mon 14:00: 180; Wed 480 → 300 left; Thu 270 + 30 → 14:00.
  { name: '2 working days with the 15:00 rule, received Monday 23/11/2026 14:00: due Thursday 26/11 14:00', received: '2026-11-23 14:00', amount: 2, unit: 'working_days', cutoff15: true, due: '2026-11-26 14:00' },

  // --- giờ làm việc -----------------------------------------------------------------------------
  { name: '4 working hours from Monday 10:00 skip the lunch break: due 16:00', received: '2026-11-23 10:00', amount: 4, unit: 'working_hours', due: '2026-11-23 16:00' },
  // Mon 16:00: 60; Tue holiday; Wed 270 → 150 left → 16:00.
  { name: '8 working hours from Monday 23/11/2026 16:00 skip 24/11: due Wednesday 16:00', received: '2026-11-23 16:00', amount: 8, unit: 'working_hours', due: '2026-11-25 16:00' },
  // Fri 11:00: 240; Mon 480 → 720 left; Wed 480 → 240 left → Thu 11:00.
  { name: '24 working hours from Friday 20/11/2026 11:00 end Thursday 26/11 11:00', received: '2026-11-20 11:00', amount: 24, unit: 'working_hours', due: '2026-11-26 11:00' },
  { name: '2 working hours from Friday 16:30 end Monday 08:30', received: '2026-11-20 16:30', amount: 2, unit: 'working_hours', due: '2026-11-23 08:30' },
  { name: '4 working hours received at 11:30 (end of the morning) start at 13:30 and end Monday 07:30', received: '2026-11-20 11:30', amount: 4, unit: 'working_hours', due: '2026-11-23 07:30' },
  { name: '4.5 working hours from 07:00 end exactly at the end of the morning session', received: '2026-11-23 07:00', amount: 4.5, unit: 'working_hours', due: '2026-11-23 11:30' },

  // --- ngày (calendar days) and tháng -------------------------------------------------------------
  { name: '30 calendar days from Monday 02/11/2026 end Wednesday 02/12/2026 at closing', received: '2026-11-02 09:00', amount: 30, unit: 'days', due: '2026-12-02 17:00' },
  { name: '30 calendar days from 28/10/2026 end Friday 27/11/2026 at closing', received: '2026-10-28 09:00', amount: 30, unit: 'days', due: '2026-11-27 17:00' },
  { name: '22 calendar days landing on the holiday 24/11/2026 roll forward to Wednesday 25/11', received: '2026-11-02 09:00', amount: 22, unit: 'days', due: '2026-11-25 17:00' },
  { name: '15 calendar days landing in Tết (Saturday 21/02/2026) roll forward to Monday 23/02', received: '2026-02-06 09:00', amount: 15, unit: 'days', due: '2026-02-23 17:00' },
  { name: '30 calendar days received on Saturday count from Monday 23/11 and end Wednesday 23/12/2026', received: '2026-11-21 10:00', amount: 30, unit: 'days', due: '2026-12-23 17:00' },
  { name: '1 month from 30/01/2026 is 28/02 (Saturday), rolled forward to Monday 02/03/2026', received: '2026-01-30 10:00', amount: 1, unit: 'months', due: '2026-03-02 17:00' },
  { name: '1 month from Tuesday 24/03/2026 ends Friday 24/04/2026', received: '2026-03-24 10:00', amount: 1, unit: 'months', due: '2026-04-24 17:00' },
  { name: '3 months from 24/08/2026 land on Ngày Văn hóa 24/11/2026 and roll to Wednesday 25/11', received: '2026-08-24 10:00', amount: 3, unit: 'months', due: '2026-11-25 17:00' },
];

