/** The printer adapter of this operating system: Windows through pdf-to-printer, others through CUPS. */
import { createCupsAdapter } from './cups';
import type { PrinterAdapter } from './types';
import { createWindowsAdapter } from './windows';

export function platformPrinterAdapter(platform: NodeJS.Platform = process.platform): PrinterAdapter {
  return platform === 'win32' ? createWindowsAdapter() : createCupsAdapter();
}
