/** RPC handlers for ký số (src-shared/rpc/signing.ts); the service loads on the first call. */
import type { signingRows } from '@shared/rpc/signing';
import { signedIn, type HandlerGroup } from '../rpc/handlers';
import type { LazySigning } from './lazy';

export function signingHandlers(signing: LazySigning): HandlerGroup<keyof typeof signingRows> {
  const s = () => signing.service();
  return {
    'signing.certificates': async () => (await s()).certificates(),
    'signing.sign': async (i, c) => (await s()).sign(i, signedIn(c)),
    'signing.addFile': async (i, c) => (await s()).addFile(i, signedIn(c)),
    'signing.files': async (i) => (await s()).files(i.dossierId),
    'signing.list': async (i) => (await s()).list(i),
    'signing.download': async (i) => (await s()).download(i.fileId),
    'signing.verify': async (i) => (await s()).verify(i.pdf),
    'signing.augmentNow': async () => (await s()).augmentPending(),
    'signing.settings': async () => (await s()).settings.get(),
    'signing.updateSettings': async (i, c) => (await s()).updateSettings(i, signedIn(c)),
    'signing.setSeal': async (i, c) => (await s()).setSeal(i.png, signedIn(c)),
    'signing.trustList': async () => (await s()).trust.list(),
    'signing.addTrustAnchor': async (i, c) => (await s()).trust.add(i.certificate, signedIn(c)),
    'signing.removeTrustAnchor': async (i, c) => (await s()).trust.remove(i.sha256, signedIn(c)),
  };
}
