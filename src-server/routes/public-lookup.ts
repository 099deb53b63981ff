/**
 * GET /tra-cuu/:code — what the QR on a citizen's receipt opens: the dossier's status and
 * appointment, for the holder of the receipt only (issue #14: consecutive codes were answered, 40
 * in a tenth of a second, with the procedure each person applied for). One of:
 * - `?k=<key>`: the key printed in the Mẫu 01 receipt's QR (src-shared/sync/lookup-key.ts), whose
 *   hash came up with the dossier snapshot;
 * - `?sdt=<4 digits>`: the last four digits of the applicant's phone, for receipts printed before
 *   the key and the other forms; five wrong tries on one code lock this way for that code for an
 *   hour, whoever tries (the key still works), so 10,000 possibilities cannot be walked.
 * Without either, or with a wrong one, or for a code the hub does not have, the answer is the same
 * page (or JSON 404), so the lookup says nothing about which codes exist.
 *
 * What is shown is what the receipt itself shows (code, procedure, appointment) and the status;
 * never a name, ID number, phone or address. A browser gets a small Vietnamese page; `Accept:
 * application/json` gets the same facts as JSON.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Dossier, DossierStatus } from '@shared/dossier';
import { STATUS_LABELS } from '@shared/domain/lifecycle';
import { formatDueVi } from '@shared/domain/deadline';
import { LOOKUP_KEY_PARAM, lookupKeyDigestInput, lookupKeySchema } from '@shared/sync/lookup-key';
import { LookupPhoneTries } from '@shared/sync/lookup-tries';
import { dossier } from '../db/schema';
import type { HubDb } from '../db/types';

const codeSchema = z.string().min(1).max(50).regex(/^[A-Za-z0-9][A-Za-z0-9.\-]*$/);
const querySchema = z.object({
  [LOOKUP_KEY_PARAM]: z.string().max(40).optional(),
  sdt: z.string().max(20).optional(),
});

const PAGE_HEADERS = {
  // The page's one form submits to itself (GET, the same path): form-action 'self'.
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const NOT_SHOWN =
  'Không tìm thấy hồ sơ với mã và thông tin này. Hãy quét mã QR trên giấy tiếp nhận và hẹn trả kết quả, hoặc nhập 4 số cuối số điện thoại đã khai khi nộp hồ sơ. Hồ sơ vừa nộp có thể chưa được đồng bộ lên tỉnh.';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, rows: [string, string][], form?: { action: string }): string {
  const body = rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('');
  const ask = form
    ? `<form method="get" action="${escapeHtml(form.action)}"><label>4 số cuối số điện thoại đã khai khi nộp hồ sơ <input name="sdt" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" autocomplete="off" required></label> <button type="submit">Tra cứu</button></form>`
    : '';
  return `<!doctype html><html lang="vi" translate="no"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;color:#1f2937}h1{font-size:20px}th{text-align:left;padding:6px 12px 6px 0;color:#4b5563}td{padding:6px 0;font-weight:600}form{margin-top:16px}input{font-size:16px;width:5em}</style></head>
<body><h1>${escapeHtml(title)}</h1><table>${body}</table>${ask}</body></html>`;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

function keyMatches(d: Dossier, key: string): boolean {
  const parsed = lookupKeySchema.safeParse(key);
  if (!parsed.success || !d.lookupKeyHash) return false;
  const expected = Buffer.from(d.lookupKeyHash, 'hex');
  return timingSafeEqual(sha256(lookupKeyDigestInput(d.code, parsed.data)), expected);
}

function phoneMatches(d: Dossier, digits: string): boolean {
  const phone = (d.applicant.phone ?? '').replace(/\D/g, '');
  return /^\d{4}$/.test(digits) && phone.length >= 8 && timingSafeEqual(Buffer.from(phone.slice(-4)), Buffer.from(digits));
}

export function registerPublicLookupRoutes(app: FastifyInstance, db: HubDb): void {
  const phoneTries = new LookupPhoneTries(() => performance.now());

  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/tra-cuu/:code', async (request, reply) => {
    const wantsJson = (request.headers.accept ?? '').includes('application/json');
    const parsedCode = codeSchema.safeParse(request.params.code);
    const query = querySchema.safeParse(request.query ?? {});
    const key = query.success ? query.data[LOOKUP_KEY_PARAM] : undefined;
    const digits = query.success ? query.data.sdt?.replace(/\D/g, '') : undefined;

    let shown: Dossier | null = null;
    if (parsedCode.success && (key || digits)) {
      const code = parsedCode.data;
      const phoneAllowed = digits !== undefined && !phoneTries.locked(code);
      const [row] = key || phoneAllowed ? await db.select({ snapshot: dossier.snapshot, status: dossier.status }).from(dossier).where(eq(dossier.code, code)) : [];
      const d = row ? { ...row.snapshot, status: row.status as DossierStatus } : null;
      if (d && key && keyMatches(d, key)) shown = d;
      else if (digits !== undefined && phoneAllowed) {
        if (d && phoneMatches(d, digits)) shown = d;
        else phoneTries.fail(code);
      }
    }

    reply.headers(PAGE_HEADERS);
    if (!shown) {
      reply.code(404);
      if (wantsJson) return { ok: false, error: { code: 'NOT_FOUND', message: NOT_SHOWN } };
      const action = parsedCode.success ? `/tra-cuu/${encodeURIComponent(parsedCode.data)}` : '';
      return reply.type('text/html; charset=utf-8').send(page('Tra cứu hồ sơ', [['Kết quả', NOT_SHOWN]], action ? { action } : undefined));
    }
    const facts = {
      code: shown.code,
      status: shown.status,
      statusLabel: STATUS_LABELS[shown.status] ?? shown.status,
      // The receipt prints the procedure ("Nội dung yêu cầu giải quyết") and the appointment.
      procedureName: shown.procedureName,
      dueAt: shown.dueAt,
      dueText: formatDueVi(shown.dueAt),
    };
    if (wantsJson) return { ok: true, result: facts };
    return reply.type('text/html; charset=utf-8').send(
      page('Tra cứu hồ sơ', [
        ['Mã hồ sơ', facts.code],
        ['Thủ tục', facts.procedureName],
        ['Trạng thái', facts.statusLabel],
        ['Hẹn trả kết quả', facts.dueText],
      ]),
    );
  });
}
