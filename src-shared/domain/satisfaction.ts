/**
 * The citizen's rating of the service at the counter (issue #18, item 3): the three satisfaction
 * levels and the nine criteria of the official evaluation sheet ("Bảng đánh giá việc giải quyết
 * thủ tục hành chính", NĐ 61/2018/NĐ-CP and TT 01/2018/TT-VPCP, carried into NĐ 118/2025's one-stop
 * framework; DOMAIN.md §9.3). QĐ 766/QĐ-TTg gives satisfaction 18 of its 100 points (§9.2, §14).
 * Dated data: a rating records the version of the sheet it was asked with.
 */

export const SATISFACTION_LEVELS = ['very_satisfied', 'satisfied', 'dissatisfied'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

/** As shown to citizens (DOMAIN.md §9.3 [C][R46]). */
export const SATISFACTION_LEVEL_NAMES: Record<SatisfactionLevel, string> = {
  very_satisfied: 'Rất hài lòng',
  satisfied: 'Hài lòng',
  dissatisfied: 'Không hài lòng',
};

export interface EvaluationSheet {
  /** Names the sheet a stored rating was asked with. */
  version: string;
  effectiveFrom: string;
  source: string;
  criteria: readonly { no: number; text: string }[];
}

export const EVALUATION_SHEET: EvaluationSheet = {
  version: 'nd61-2018-tt01-2018',
  effectiveFrom: '2018-08-21',
  source:
    'Bảng đánh giá việc giải quyết thủ tục hành chính: Nghị định 61/2018/NĐ-CP, Thông tư 01/2018/TT-VPCP (9 tiêu chí × 2 điểm = 18); khung Nghị định 118/2025/NĐ-CP; DOMAIN.md §9.3 [C][R46]',
  criteria: [
    { no: 1, text: 'Tổng thời gian giải quyết thủ tục hành chính so với quy định của pháp luật' },
    { no: 2, text: 'Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết (kể cả đơn vị phối hợp)' },
    { no: 3, text: 'Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ TTHC (kể cả liên hệ theo hình thức trực tuyến)' },
    { no: 4, text: 'Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ TTHC (kể cả liên hệ theo hình thức trực tuyến)' },
    { no: 5, text: 'Thực hiện tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa' },
    { no: 6, text: 'Công khai các thủ tục hành chính' },
    { no: 7, text: 'Thái độ của cán bộ, công chức, viên chức khi hướng dẫn lập hồ sơ, tiếp nhận hồ sơ và giải quyết TTHC' },
    { no: 8, text: 'Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị của tổ chức, cá nhân' },
    { no: 9, text: 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền' },
  ],
};

/** A comment longer than this is refused: a tablet's note, not a complaint (feedback is its own path). */
export const RATING_COMMENT_MAX = 500;

/** Share of ratings that are satisfied or very satisfied, in percent with one decimal; null with none. */
export function satisfiedPercent(counts: Record<SatisfactionLevel, number>): number | null {
  const total = counts.very_satisfied + counts.satisfied + counts.dissatisfied;
  if (total === 0) return null;
  return Math.round(((counts.very_satisfied + counts.satisfied) * 1000) / total) / 10;
}

