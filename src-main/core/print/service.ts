/**
 * Printing at the counter: build the form from committed data, archive the PDF under the data
 * folder, keep a print_record (dossier, form, officer, time, printer, result, SHA-256), and hand
 * the file to the OS printer. A failed print leaves a record and can be retried with the very
 * same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { Officer } from '@shared/rpc';
import type { PrintDetails, PrintForm } from '@shared/rpc/print';
import type { Ticket } from '@shared/rpc/queue';
import { appendAudit } from '../audit/audit-log';
import { printRecord } from '../db/schema';
import { ensureDirWithin, writeFileDurably } from '../storage/durable-write';
import { newId } from '../ids';
import { buildPrintContext, officeOf, type ContextDeps } from './context';
import { queueTicketDocument } from './forms/queue-ticket';
import { renderDocument, renderForm } from './render';
import { CHOOSE_PRINTER, type PrinterAdapter } from './printers/types';

type RecordRow = typeof printRecord.$inferSelect;

export interface PrintRequest {
  form: PrintForm;
  dossierId?: string;
  details?: PrintDetails;
}

function publicRecord(r: RecordRow) {
  return { id: r.id, form: r.form, at: r.at, officerId: r.officerId, printer: r.printer, result: r.result, error: r.error, sha256: r.sha256 };
}

/** Forms that print an appointment date (hẹn trả kết quả): refused while the clock is untrusted. */
const APPOINTMENT_FORMS: ReadonlySet<PrintForm> = new Set(['mau01', 'ticket', 'mau04']);

/**
 * A failure cured by another printer choice is told to each role as they can act on it: the
 * printer is set in Cài đặt, which only an administrator may change.
 */
function withRemedy(err: AppError, officer: Officer): string {
  const remedy = (err.details as { remedy?: string } | undefined)?.remedy;
  if (remedy !== CHOOSE_PRINTER) return err.message;
  return officer.role === 'admin'
    ? `${err.message} Hãy chọn máy in trong Cài đặt → Máy in rồi in lại.`
    : `${err.message} Hãy báo quản trị viên chọn máy in cho quầy rồi in lại.`;
}

export class PrintService {
  constructor(
    private readonly deps: ContextDeps & {
      archiveDir: string;
      adapter: PrinterAdapter;
      /** Throws (Vietnamese, CONFLICT) while the PC clock cannot be trusted (ARCHITECTURE.md §6). */
      clockGuard?: () => void;
    },
  ) {}

  private guard(form: PrintForm): void {
    if (APPOINTMENT_FORMS.has(form)) this.deps.clockGuard?.();
  }

  async render(req: PrintRequest, officer: Officer) {
    this.guard(req.form);
    const { ctx, dossierId, label } = buildPrintContext(this.deps, req, officer);
    const rendered = await renderForm(req.form, ctx);
    const file = this.archive(rendered.pdf, rendered.sha256, label, ctx.dossier?.code);
    const record = this.record({ dossierId, form: req.form, templateVersion: rendered.templateVersion, officerId: officer.id, printer: null, result: 'rendered', error: null, sha256: rendered.sha256, file });
    return { recordId: record.id, sha256: rendered.sha256, pdf: rendered.pdf.toString('base64'), fileName: path.basename(file) };
  }

  async send(req: PrintRequest & { printer?: string }, officer: Officer) {
    this.guard(req.form);
    const { ctx, dossierId, label } = buildPrintContext(this.deps, req, officer);
    const rendered = await renderForm(req.form, ctx);
    const file = this.archive(rendered.pdf, rendered.sha256, label, ctx.dossier?.code);
    return this.spool({ dossierId, form: req.form, templateVersion: rendered.templateVersion, sha256: rendered.sha256, file }, req.printer, officer);
  }

  async retry(recordId: string, printer: string | undefined, officer: Officer) {
    const previous = this.deps.db.select().from(printRecord).where(eq(printRecord.id, recordId)).get();
    if (!previous) throw new AppError('NOT_FOUND', 'Không tìm thấy lần in này');
    if (!fs.existsSync(previous.file)) throw new AppError('NOT_FOUND', 'Tệp PDF lưu trữ của lần in này không còn; hãy in lại từ hồ sơ');
    const { dossierId, form, templateVersion, sha256, file } = previous;
    return this.spool({ dossierId, form, templateVersion, sha256, file }, printer ?? previous.printer ?? undefined, officer);
  }

  /**
   * The waiting-room number on this PC's printer (the kiosk's roll when the kiosk page runs on
   * the host, or the counter's): archived like every print, but not a print_record of a dossier
   * nor audited — a number is not a legal act and carries nothing personal. A printer that fails
   * does not take the number away: the screen still shows it.
   */
  async printQueueTicket(ticket: Ticket, waitingBefore: number): Promise<{ result: 'printed' | 'failed'; error: string | null; sha256: string }> {
    const { pdf, sha256 } = await renderDocument(queueTicketDocument(officeOf(this.deps.db), ticket, waitingBefore));
    const file = this.archive(pdf, sha256, 'so-thu-tu', `${ticket.day}-${ticket.label}`);
    try {
      await this.deps.adapter.print(file, this.deps.settings.get().printer ?? undefined);
      return { result: 'printed', error: null, sha256 };
    } catch (err) {
      return { result: 'failed', error: err instanceof AppError ? err.message : 'Không gửi được lệnh in tới máy in', sha256 };
    }
  }

  async printers() {
    const selected = this.deps.settings.get().printer;
    try {
      return { items: await this.deps.adapter.list(), selected, error: null };
    } catch (err) {
      return { items: [], selected, error: err instanceof AppError ? err.message : 'Không đọc được danh sách máy in' };
    }
  }

  records(dossierId: string) {
    return {
      items: this.deps.db.select().from(printRecord).where(eq(printRecord.dossierId, dossierId)).orderBy(desc(printRecord.at)).all().map(publicRecord),
    };
  }

  private async spool(
    doc: Pick<RecordRow, 'dossierId' | 'form' | 'templateVersion' | 'sha256' | 'file'>,
    printer: string | undefined,
    officer: Officer,
  ) {
    const target = printer ?? this.deps.settings.get().printer ?? undefined;
    try {
      await this.deps.adapter.print(doc.file, target);
      return publicRecord(this.record({ ...doc, officerId: officer.id, printer: target ?? null, result: 'printed', error: null }));
    } catch (err) {
      const message = err instanceof AppError ? withRemedy(err, officer) : 'Không gửi được lệnh in tới máy in';
      return publicRecord(this.record({ ...doc, officerId: officer.id, printer: target ?? null, result: 'failed', error: message }));
    }
  }

  /** One file per distinct PDF: a reprint of an unchanged dossier reuses the same bytes. */
  private archive(pdf: Buffer, sha256: string, label: string, code: string | undefined): string {
    const now = this.deps.now();
    const dir = path.join(this.deps.archiveDir, String(now.getUTCFullYear()), String(now.getUTCMonth() + 1).padStart(2, '0'));
    const safe = `${label}-${(code ?? 'khong-ma').replace(/[^A-Za-z0-9.-]+/g, '_')}-${sha256.slice(0, 12)}.pdf`;
    const file = path.join(dir, safe);
    if (!fs.existsSync(file)) {
      // Never a half-written PDF, under its final name or a temporary one (a full disk, a vanished drive).
      ensureDirWithin(path.dirname(this.deps.archiveDir), dir);
      writeFileDurably(file, pdf);
    }
    return file;
  }

  private record(r: Omit<RecordRow, 'id' | 'at'>): RecordRow {
    const row: RecordRow = { id: newId(), at: this.deps.now().toISOString(), ...r };
    this.deps.db.transaction((tx) => {
      tx.insert(printRecord).values(row).run();
      appendAudit(tx, { at: row.at, officerId: r.officerId, action: `print.${r.result}`, target: r.dossierId, details: { form: r.form, sha256: r.sha256, printer: r.printer, error: r.error } });
    });
    return row;
  }
}
