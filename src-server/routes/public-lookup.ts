/**
 * GET /tra-cuu/:code — what the QR on a citizen's receipt opens: the dossier's status and
 * appointment only. No name, ID number, phone or address is ever shown here (personal data
 * stays behind officer login). A browser gets a small Vietnamese page; `Accept:
 * application/json` gets the same facts as JSON.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DossierStatus } from '@shared/dossier';
import { STATUS_LABELS } from '@shared/domain/lifecycle';
import { formatDueVi } from '@shared/domain/deadline';
import { dossier } from '../db/schema';
import type { HubDb } from '../db/types';

const codeSchema = z.string().min(1).max(50).regex(/^[A-Za-z0-9][A-Za-z0-9.\-]*$/);

const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, rows: [string, string][]): string {
  const body = rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('');
  return `<!doctype html><html lang="vi" translate="no"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;color:#1f2937}h1{font-size:20px}th{text-align:left;padding:6px 12px 6px 0;color:#4b5563}td{padding:6px 0;font-weight:600}</style></head>
<body><h1>${escapeHtml(title)}</h1><table>${body}</table></body></html>`;
}

export function registerPublicLookupRoutes(app: FastifyInstance, db: HubDb): void {
  app.get<{ Params: { code: string } }>('/tra-cuu/:code', async (request, reply) => {
    const wantsJson = (request.headers.accept ?? '').includes('application/json');
    const parsed = codeSchema.safeParse(request.params.code);
    const [row] = parsed.success
      ? await db.select({ code: dossier.code, status: dossier.status, snapshot: dossier.snapshot }).from(dossier).where(eq(dossier.code, parsed.data))
      : [];
    if (!row) {
      reply.code(404).headers(PAGE_HEADERS);
      const message = 'Không tìm thấy hồ sơ với mã này. Hồ sơ vừa nộp có thể chưa được đồng bộ lên tỉnh.';
      return wantsJson ? { ok: false, error: { code: 'NOT_FOUND', message } } : reply.type('text/html; charset=utf-8').send(page('Tra cứu hồ sơ', [['Kết quả', message]]));
    }
    const status = row.status as DossierStatus;
    const facts = {
      code: row.code,
      status,
      statusLabel: STATUS_LABELS[status] ?? status,
      procedureName: row.snapshot.procedureName,
      dueAt: row.snapshot.dueAt,
      dueText: formatDueVi(row.snapshot.dueAt),
    };
    reply.headers(PAGE_HEADERS);
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
