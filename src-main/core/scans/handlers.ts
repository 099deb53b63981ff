/** RPC handlers for số hóa (src-shared/rpc/scans.ts). */
import type { scansRows } from '@shared/rpc/scans';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { OcrWorker } from './ocr/worker';
import type { ScanService } from './service';

export function scanHandlers(scans: ScanService, ocr: OcrWorker): HandlerGroup<keyof typeof scansRows> {
  return {
    'scans.scanners': () => scans.scanners(),
    'scans.scan': (i, c) => scans.scan(i, signedIn(c)),
    'scans.uploadPart': (i) => scans.uploadPart(i),
    'scans.addUpload': (i, c) => scans.addUpload(i, signedIn(c)),
    'scans.folder': () => scans.folder(),
    'scans.setFolder': (i, c) => scans.setFolder(i.dir, signedIn(c)),
    'scans.addFromFolder': (i, c) => scans.addFromFolder(i, signedIn(c)),
    'scans.list': (i) => scans.list(i),
    'scans.thumbnail': (i) => scans.thumbnail(i.pageId),
    'scans.rotate': (i, c) => scans.rotate(i.pageId, i.by, signedIn(c)),
    'scans.move': (i, c) => scans.move(i.pageId, i.toSeq, signedIn(c)),
    'scans.remove': (i, c) => scans.remove(i.pageId, i.reason, signedIn(c)),
    'scans.attach': (i, c) => scans.attach(i.batch, i.dossierId, signedIn(c)),
    'scans.itemPdf': (i) => scans.itemPdf(i),
    'scans.reusable': (i) => scans.reusable(i.idNumber),
    'scans.reuse': (i, c) => scans.reuse(i, signedIn(c)),
    'scans.ocrStatus': () => ocr.status(),
  };
}
