/**
 * What the dossier QR carries. With a hub configured it is the public lookup link
 * `<hubUrl>/tra-cuu/<code>`, and on the Mẫu 01 receipt `…?k=<key>` with the receipt's lookup key
 * (src-shared/sync/lookup-key.ts): a phone camera opens it directly, and a counter scanner
 * recovers the code as the last path segment. Without a hub it is the bare code. Either way the
 * code is in the payload verbatim.
 */
import { LOOKUP_KEY_PARAM } from '@shared/sync/lookup-key';

export function lookupUrl(hubUrl: string, code: string): string {
  return `${hubUrl.replace(/\/+$/, '')}/tra-cuu/${encodeURIComponent(code)}`;
}

export function qrPayload(code: string, hubUrl?: string, lookupKey?: string): string {
  if (!hubUrl) return code;
  return lookupKey ? `${lookupUrl(hubUrl, code)}?${LOOKUP_KEY_PARAM}=${lookupKey}` : lookupUrl(hubUrl, code);
}

/** Inverse of qrPayload for counter scanners: the dossier code from a scanned payload. */
export function codeFromQrPayload(payload: string): string {
  const m = /\/tra-cuu\/([^/?#\s]+)(?:\?[^#\s]*)?\s*$/.exec(payload.trim());
  return m ? decodeURIComponent(m[1]!) : payload.trim();
}
