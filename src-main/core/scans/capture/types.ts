/** What the counter asks of a scanner, whatever the platform's scanning system. */
export interface ScannerInfo {
  /** The device as the platform names it (SANE `pixma:04A9176D_…`, a WIA DeviceID). */
  id: string;
  name: string;
}

export interface ScanRequest {
  device: string;
  color: boolean;
  /** Dots per inch; the normaliser brings anything above 200 down to 200. */
  resolution: number;
}

export interface ScannerAdapter {
  list(): Promise<ScannerInfo[]>;
  /** One scanned page as image bytes (PNG from SANE, PNG from WIA). */
  scan(req: ScanRequest): Promise<Buffer>;
}
