/**
 * A paired device keeps its token in the browser's storage: the device (a kiosk, a TV) has no
 * one to sign in, and the token's scope allows only its own page. Cleared when core refuses it
 * (revoked, or a database restored from before the pairing).
 */
const KEY = 'motcua.deviceToken';

export function loadDeviceToken(): string | null {
  return localStorage.getItem(KEY);
}

export function saveDeviceToken(token: string): void {
  localStorage.setItem(KEY, token);
}

export function forgetDeviceToken(): void {
  localStorage.removeItem(KEY);
}
