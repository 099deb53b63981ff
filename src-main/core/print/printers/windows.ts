/**
 * Windows printing through pdf-to-printer (a maintained wrapper of SumatraPDF, shipped inside
 * the package; electron-builder unpacks it from the asar so Windows can execute it).
 * Loaded only on Windows; errors become Vietnamese AppErrors like the CUPS adapter's.
 */
import { AppError } from '@shared/errors';
import type { PrinterAdapter, PrinterInfo } from './types';

type PdfToPrinter = typeof import('pdf-to-printer');

function mapError(err: unknown, printer?: string): AppError {
  const text = String((err as Error)?.message ?? err);
  if (/not found|invalid printer|no printer/i.test(text)) {
    return new AppError('NOT_FOUND', printer ? `Không tìm thấy máy in "${printer}" trên máy tính này` : 'Máy tính chưa có máy in mặc định');
  }
  return new AppError('UNAVAILABLE', `Máy in báo lỗi: ${text.slice(0, 200)}. Kiểm tra máy in (giấy, nguồn, cáp) rồi in lại.`);
}

export function createWindowsAdapter(load: () => Promise<PdfToPrinter> = () => import('pdf-to-printer')): PrinterAdapter {
  return {
    async list(): Promise<PrinterInfo[]> {
      try {
        const lib = await load();
        const [printers, fallback] = await Promise.all([lib.getPrinters(), lib.getDefaultPrinter()]);
        return printers.map((p) => ({ name: p.name, isDefault: p.name === fallback?.name, state: 'unknown' as const }));
      } catch (err) {
        throw mapError(err);
      }
    },
    async print(pdfPath, printer) {
      try {
        const lib = await load();
        await lib.print(pdfPath, { ...(printer ? { printer } : {}), silent: true });
        return {};
      } catch (err) {
        throw mapError(err, printer);
      }
    },
  };
}
