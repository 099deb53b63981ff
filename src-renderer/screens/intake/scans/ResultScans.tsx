/**
 * Trả kết quả: the scanned result (the issued certificate or paper) attached to the dossier while
 * returning it, the dossier's electronic result. Pages name the dossier directly (role `result`).
 */
import { vi } from '../../../i18n/vi';
import { ScanPanel } from './ScanPanel';
import { pagesOf, useScanPages } from './useScanPages';

export function ResultScans({ dossierId }: { dossierId: string }) {
  const { pages, reload } = useScanPages({ dossierId });
  return (
    <div className="scan-papers" data-testid="result-scans">
      <ScanPanel
        target={{ batch: `result-${dossierId}`.slice(0, 60), dossierId, role: 'result', item: { position: 0, name: vi.scans.resultItem } }}
        pages={pagesOf(pages, 'result', 0)}
        onChanged={reload}
      />
    </div>
  );
}
