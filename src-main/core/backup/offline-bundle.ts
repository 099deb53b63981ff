/**
 * The offline bundle: pending outbox ops written to a file an officer carries to the province on
 * a USB stick when the commune has no connection for days. Signed with the device's Ed25519 key
 * over the canonical JSON of its body, so the hub can tell which device made it and that nothing
 * was edited on the way.
 *
 * The format lives in src-shared/sync/offline-bundle.ts, where the hub verifies it too. Importing a bundle is idempotent at the hub: each op carries its
 * op_id, exactly as in a push; carrying the same file twice, or pushing the same ops online
 * later, gives `duplicate` answers. Exporting therefore leaves the ops pending here.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { bundleFileSchema, canonicalJson, type BundleBody, type BundleFile } from '@shared/sync/offline-bundle';

export { BUNDLE_FORMAT, BUNDLE_VERSION, bundleBodySchema, bundleFileSchema, bundleOpSchema, canonicalJson } from '@shared/sync/offline-bundle';
export type { BundleBody, BundleFile, BundleOp } from '@shared/sync/offline-bundle';

/** Short, human-comparable id of a public key (shown to the province admin when pinning). */
export function keyFingerprint(publicKeyB64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyB64, 'base64')).digest('hex').slice(0, 32);
}

export function signBundle(body: BundleBody, privateKeyB64: string): BundleFile {
  const key = createPrivateKey({ key: Buffer.from(privateKeyB64, 'base64'), format: 'der', type: 'pkcs8' });
  const signature = sign(null, Buffer.from(canonicalJson(body), 'utf8'), key).toString('base64');
  return { body, algorithm: 'Ed25519', signature };
}

export type BundleCheck = { ok: true; bundle: BundleFile; fingerprint: string } | { ok: false; reason: string };

/**
 * Checks a bundle file's text: shape, signature, and (when the hub knows the device) that it was
 * signed by the key pinned for that device. Never throws.
 */
export function verifyOfflineBundle(text: string, opts: { pinnedPublicKey?: string } = {}): BundleCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = bundleFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `bad shape: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` };
  const file = parsed.data;
  if (opts.pinnedPublicKey !== undefined && opts.pinnedPublicKey !== file.body.publicKey) {
    return { ok: false, reason: 'signed by a key other than the one pinned for this device' };
  }
  try {
    const key = createPublicKey({ key: Buffer.from(file.body.publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return { ok: false, reason: 'public key is not Ed25519' };
    // The raw parsed body, not the zod output: verification is over exactly what was signed.
    const raw = (json as { body: unknown }).body;
    const good = verify(null, Buffer.from(canonicalJson(raw), 'utf8'), key, Buffer.from(file.signature, 'base64'));
    if (!good) return { ok: false, reason: 'bad signature' };
  } catch (err) {
    return { ok: false, reason: `bad key or signature: ${(err as Error).message}` };
  }
  return { ok: true, bundle: file, fingerprint: keyFingerprint(file.body.publicKey) };
}
