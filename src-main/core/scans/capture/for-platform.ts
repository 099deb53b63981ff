/** The scanner adapter of the platform the counter runs on, like the printers' (print/printers/for-platform.ts). */
import { SaneScanner } from './sane';
import type { ScannerAdapter } from './types';
import { WiaScanner } from './wia';

export function platformScanner(): ScannerAdapter {
  return process.platform === 'win32' ? new WiaScanner() : new SaneScanner();
}
