/** RPC handlers for ký số (src-shared/rpc/signing.ts). */
import type { signingRows } from '@shared/rpc/signing';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { SigningService } from './service';

export function signingHandlers(signing: SigningService): HandlerGroup<keyof typeof signingRows> {
  return {
    'signing.certificates': () => signing.certificates(),
    'signing.sign': (i, c) => signing.sign(i, signedIn(c)),
    'signing.addFile': (i, c) => signing.addFile(i, signedIn(c)),
    'signing.files': (i) => signing.files(i.dossierId),
    'signing.list': (i) => signing.list(i),
    'signing.download': (i) => signing.download(i.fileId),
    'signing.verify': (i) => signing.verify(i.pdf),
    'signing.augmentNow': () => signing.augmentPending(),
    'signing.settings': () => signing.settings.get(),
    'signing.updateSettings': (i, c) => signing.updateSettings(i, signedIn(c)),
    'signing.setSeal': (i, c) => signing.setSeal(i.png, signedIn(c)),
    'signing.trustList': () => signing.trust.list(),
    'signing.addTrustAnchor': (i, c) => signing.trust.add(i.certificate, signedIn(c)),
    'signing.removeTrustAnchor': (i, c) => signing.trust.remove(i.sha256, signedIn(c)),
  };
}
