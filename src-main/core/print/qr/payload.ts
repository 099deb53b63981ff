/**
 * What the dossier QR carries. With a hub configured it is the public lookup link
 * `<hubUrl>/tra-cuu/<code>`: a phone camera opens it directly, and a counter scanner recovers
 * the code as the last path segment. Without a hub it is the bare code. Either way the code is
 * in the payload verbatim.
 */
export function lookupUrl(hubUrl: string, code: string): string {
  return `${hubUrl.replace(/\/+$/, '')}/tra-cuu/${encodeURIComponent(code)}`;
}

export function qrPayload(code: string, hubUrl?: string): string {
  return hubUrl ? lookupUrl(hubUrl, code) : code;
}

/** Inverse of qrPayload for counter scanners: the dossier code from a scanned payload. */
export function codeFromQrPayload(payload: string): string {
  const m = /\/tra-cuu\/([^/?#\s]+)\s*$/.exec(payload.trim());
  return m ? decodeURIComponent(m[1]!) : payload.trim();
}
