/** The verdict words both UIs show (the counter's and the province's), as lifecycle's STATUS_LABELS does for dossiers. */
export const VERIFICATION_STATUS_LABELS = { valid: 'Hợp lệ', warning: 'Hợp lệ, có điểm cần lưu ý', invalid: 'Không hợp lệ', unsigned: 'Không có chữ ký' } as const;
export const CHECK_RESULT_LABELS = { ok: 'Đạt', warn: 'Lưu ý', fail: 'Không đạt' } as const;
