/**
 * How a dossier stands at a report's instant (DOMAIN §4.5, §9.1): the one rule behind Tổng quan,
 * Biểu II.06a, Sổ theo dõi, the daily closing and the province hub's on-time rates.
 *
 * - Not received: a dossier refused at the counter (Mẫu 03) never entered processing; it is counted
 *   apart, never as received or solved.
 * - Solved (đã giải quyết) at instant T: its processing ended by T — result ready (national code 9),
 *   returned (10) or stopped (8, including a stop after the citizen withdrew, 7→8). A result that
 *   is a written refusal to resolve is a result like any other. The end instant is the first of
 *   those steps (QĐ 766 indicator 2.1, NgayKetThucXuLy) [C][R16].
 *   · withdrawn by the citizen: "đúng hạn", as the II.06a template's footnote says [C][R45];
 *   · more than one supplement request: late, whatever the dates (QĐ 766) [C][R16] — and an
 *     exception the reports show apart;
 *   · otherwise trước hạn / đúng hạn / quá hạn against the LEGAL due date (classifyCompletion).
 * - Pending (đang giải quyết) at T: received by T, not ended by T.
 *   · awaiting a supplement: QĐ 766 treats it as finished when the request was made, so it is
 *     overdue only if the request came after the legal due date [C][R16]; the II.06a footnote
 *     counts it "trong hạn" otherwise [C][R45];
 *   · a withdrawal requested, not yet stopped: "trong hạn" (II.06a footnote) [C][R45];
 *   · more than one supplement request: overdue (QĐ 766) and an exception;
 *   · otherwise overdue when T is after the legal due date.
 *
 * An extension (Mẫu 04) never changes a grade: it only marks a late or overdue dossier as
 * "quá hạn, đã xin lỗi" (apologised), shown apart from plain "quá hạn".
 */
import type { DossierStatus } from '../dossier';
import { classifyCompletion } from './deadline';
import { toEpochMs, type InstantInput } from './vn-time';

/** The facts of a dossier as they stood at the report's instant. */
export interface GradeFacts {
  status: DossierStatus;
  receivedAt: InstantInput;
  /** The legal due date in force (pauses and verification included, never the extension). */
  dueAt: InstantInput;
  finishedAt: InstantInput | null;
  /** Start of the supplement pause when awaiting a supplement. */
  pausedSince: InstantInput | null;
  supplementCount: number;
  /** The citizen asked to withdraw before processing stopped. */
  withdrawn: boolean;
  /** Mẫu 04 issued (the promise, whatever its date). */
  extended: boolean;
}

export type SolvedGrade = 'early' | 'on_time' | 'late';
export type PendingGrade = 'in_time' | 'overdue';

export type Standing =
  | { state: 'not_received' }
  | { state: 'not_yet_received' }
  | { state: 'solved'; grade: SolvedGrade; apologised: boolean; exception: boolean; withdrawn: boolean }
  | { state: 'pending'; grade: PendingGrade; apologised: boolean; exception: boolean };

/** More than one supplement request (the law asks for one complete request). */
export function isSupplementException(supplementCount: number): boolean {
  return supplementCount > 1;
}

export function gradeAsOf(d: GradeFacts, asOf: InstantInput): Standing {
  if (d.status === 'rejected') return { state: 'not_received' };
  const t = toEpochMs(asOf);
  if (toEpochMs(d.receivedAt) > t) return { state: 'not_yet_received' };
  const exception = isSupplementException(d.supplementCount);
  const due = toEpochMs(d.dueAt);

  if (d.finishedAt !== null && toEpochMs(d.finishedAt) <= t) {
    let grade: SolvedGrade;
    if (d.withdrawn) grade = 'on_time';
    else if (exception) grade = 'late';
    else grade = classifyCompletion(d.finishedAt, d.dueAt);
    return { state: 'solved', grade, apologised: d.extended && grade === 'late', exception, withdrawn: d.withdrawn };
  }

  let overdue: boolean;
  if (exception) overdue = true;
  else if (d.status === 'withdrawal_requested') overdue = false;
  else if (d.status === 'awaiting_supplement' && d.pausedSince !== null) overdue = toEpochMs(d.pausedSince) > due;
  else overdue = t > due;
  return { state: 'pending', grade: overdue ? 'overdue' : 'in_time', apologised: d.extended && overdue, exception };
}

/** Trước hạn + đúng hạn: what QĐ 766 indicator 2.1 counts as on time. */
export function isOnTime(grade: SolvedGrade): boolean {
  return grade !== 'late';
}
