/**
 * The printer seam: core hands a finished PDF file to an OS spooler. CUPS (Linux, macOS) lives
 * here; the Windows adapter lives in src-main/electron and implements the same interface.
 * Failures are AppErrors with a Vietnamese message for the officer.
 */
export interface PrinterInfo {
  name: string;
  isDefault: boolean;
  /** What the spooler says, when it says it. */
  state: 'idle' | 'printing' | 'disabled' | 'unknown';
}

export interface PrintJob {
  /** Spooler job id (CUPS "PDF-12"), when the spooler reports one. */
  jobId?: string;
}

export interface PrinterAdapter {
  list(): Promise<PrinterInfo[]>;
  /** Print a PDF file; without `printer` the system default destination is used. */
  print(pdfPath: string, printer?: string): Promise<PrintJob>;
}

/**
 * `details.remedy` of a failure whose cure is choosing another printer in Cài đặt, which only an
 * administrator may do: the print service words that advice for the role of whoever printed.
 */
export const CHOOSE_PRINTER = 'choosePrinter';
