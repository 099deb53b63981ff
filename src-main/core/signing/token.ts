/**
 * The USB token through PKCS#11 (pkcs11js): list the certificates it holds, and sign with the
 * key beside a chosen certificate after the officer's PIN. The module (.dll/.so of the token's
 * vendor) is loaded once per process and path; a token pulled out mid-way makes the module
 * start again on the next call, so re-inserting it is enough.
 *
 * The PIN goes to C_Login and nowhere else: it is not kept, logged or put in an error.
 */
import { createHash } from 'node:crypto';
import pkcs11js from 'pkcs11js';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '@shared/errors';
import { OID, parseCertificate } from '@shared/signing/cms';

/** The part of pkcs11js the app uses: a seam for tests that must emulate what SoftHSM2 cannot. */
export type Pkcs11Api = Pick<
  pkcs11js.PKCS11,
  | 'load'
  | 'C_Initialize'
  | 'C_Finalize'
  | 'C_GetSlotList'
  | 'C_GetTokenInfo'
  | 'C_OpenSession'
  | 'C_CloseSession'
  | 'C_Login'
  | 'C_Logout'
  | 'C_FindObjectsInit'
  | 'C_FindObjects'
  | 'C_FindObjectsFinal'
  | 'C_GetAttributeValue'
  | 'C_SignInit'
  | 'C_Sign'
>;
export type Pkcs11Factory = () => Pkcs11Api;

export const defaultPkcs11Factory: Pkcs11Factory = () => new pkcs11js.PKCS11();

export type PinState = 'ok' | 'countLow' | 'finalTry' | 'locked';

export interface TokenCertificate {
  tokenLabel: string;
  tokenSerial: string;
  /** CKA_ID (hex): the key with the same id signs for this certificate. */
  id: string;
  label: string;
  der: Uint8Array;
  pinState: PinState;
}

export interface CertificateRef {
  tokenSerial: string;
  id: string;
}

/** A logged-in session holding the key of one certificate; close() logs out. */
export interface SigningSession {
  /** Signs SHA-256(data) with RSA PKCS#1 v1.5 (CKM_RSA_PKCS over the DigestInfo). */
  signSha256(data: Uint8Array): Uint8Array;
  close(): void;
}

const R = pkcs11js;
const REMOVED = new Set([
  R.CKR_DEVICE_REMOVED,
  R.CKR_TOKEN_NOT_PRESENT,
  R.CKR_TOKEN_NOT_RECOGNIZED,
  R.CKR_SESSION_HANDLE_INVALID,
  R.CKR_SESSION_CLOSED,
  R.CKR_OBJECT_HANDLE_INVALID,
  R.CKR_KEY_HANDLE_INVALID,
  R.CKR_SLOT_ID_INVALID,
  R.CKR_DEVICE_ERROR,
  R.CKR_GENERAL_ERROR,
  R.CKR_CRYPTOKI_NOT_INITIALIZED,
]);

export const TOKEN_MESSAGES = {
  noModule: 'Chưa cài đặt thư viện của thiết bị ký số (USB token); quản trị viên chọn tệp .dll/.so trong Cài đặt › Ký số',
  moduleLoad: 'Không nạp được thư viện của thiết bị ký số; kiểm tra đường dẫn tệp .dll/.so trong Cài đặt › Ký số',
  noToken: 'Không thấy thiết bị ký số (USB token); hãy cắm thiết bị rồi thử lại',
  removed: 'Thiết bị ký số đã bị rút ra hoặc ngừng trả lời trong khi ký; chưa ký được và không có tệp nào được lưu. Hãy cắm lại thiết bị rồi ký lại',
  wrongPin: 'Mã PIN không đúng',
  wrongPinLow: 'Mã PIN không đúng; thiết bị sắp bị khóa, hãy kiểm tra kỹ trước khi nhập lại',
  finalTry: 'Mã PIN không đúng; lần nhập sai tiếp theo sẽ khóa thiết bị',
  locked: 'Thiết bị ký số đã bị khóa do nhập sai mã PIN quá số lần cho phép; liên hệ nơi cấp chứng thư số để mở khóa',
  noKey: 'Thiết bị không có khóa ký đi kèm chứng thư đã chọn',
  noCertificate: 'Không tìm thấy chứng thư đã chọn trên thiết bị; hãy chọn lại',
  failed: 'Thiết bị ký số báo lỗi khi ký; chưa ký được và không có tệp nào được lưu',
} as const;

function pinState(flags: number): PinState {
  if (flags & R.CKF_USER_PIN_LOCKED) return 'locked';
  if (flags & R.CKF_USER_PIN_FINAL_TRY) return 'finalTry';
  if (flags & R.CKF_USER_PIN_COUNT_LOW) return 'countLow';
  return 'ok';
}

function codeOf(err: unknown): number | null {
  return err instanceof Error && 'code' in err && typeof err.code === 'number' ? err.code : null;
}

const hex = (b: Buffer | Uint8Array) => Buffer.from(b).toString('hex');

/** The DigestInfo of a SHA-256 digest (what CKM_RSA_PKCS signs), built with pkijs. */
export function sha256DigestInfo(digest: Uint8Array): Buffer {
  const info = new pkijs.DigestInfo({
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
    digest: new asn1js.OctetString({ valueHex: digest }),
  });
  return Buffer.from(info.toSchema().toBER(false));
}

export class TokenModule {
  private api: Pkcs11Api | null = null;

  constructor(
    readonly modulePath: string,
    private readonly factory: Pkcs11Factory = defaultPkcs11Factory,
  ) {}

  private open(): Pkcs11Api {
    if (this.api) return this.api;
    const api = this.factory();
    try {
      api.load(this.modulePath);
    } catch {
      throw new AppError('UNAVAILABLE', TOKEN_MESSAGES.moduleLoad);
    }
    try {
      api.C_Initialize();
    } catch (err) {
      if (codeOf(err) !== R.CKR_CRYPTOKI_ALREADY_INITIALIZED) throw new AppError('UNAVAILABLE', TOKEN_MESSAGES.moduleLoad);
    }
    this.api = api;
    return api;
  }

  /** Finalizes the module: the next call loads the slot list afresh (a token was re-inserted). */
  reset(): void {
    const api = this.api;
    this.api = null;
    if (!api) return;
    try {
      api.C_Finalize();
    } catch (err) {
      // A module whose token vanished may refuse to finalize; it is dropped either way.
      if (codeOf(err) !== R.CKR_CRYPTOKI_NOT_INITIALIZED) console.warn(`[signing] C_Finalize: ${codeOf(err) ?? 'error'}`);
    }
  }

  /** Every certificate on every present token (public objects: no PIN needed). */
  listCertificates(): TokenCertificate[] {
    const api = this.open();
    const out: TokenCertificate[] = [];
    try {
      for (const slot of api.C_GetSlotList(true)) {
        const info = api.C_GetTokenInfo(slot);
        // An empty, never-initialised token (SoftHSM keeps one free slot) holds nothing.
        if (!(info.flags & R.CKF_TOKEN_INITIALIZED)) continue;
        const session = api.C_OpenSession(slot, R.CKF_SERIAL_SESSION);
        try {
          for (const handle of this.find(api, session, [{ type: R.CKA_CLASS, value: R.CKO_CERTIFICATE }, { type: R.CKA_CERTIFICATE_TYPE, value: R.CKC_X_509 }])) {
            const [value, id, label] = api.C_GetAttributeValue(session, handle, [{ type: R.CKA_VALUE }, { type: R.CKA_ID }, { type: R.CKA_LABEL }]);
            if (!value?.value || !(value.value instanceof Buffer)) continue;
            out.push({
              tokenLabel: info.label.trim(),
              tokenSerial: info.serialNumber.trim(),
              id: id?.value instanceof Buffer ? hex(id.value) : '',
              label: label?.value instanceof Buffer ? label.value.toString('utf8') : '',
              der: new Uint8Array(value.value),
              pinState: pinState(info.flags),
            });
          }
        } finally {
          api.C_CloseSession(session);
        }
      }
    } catch (err) {
      throw this.mapError(err);
    }
    return out;
  }

  /**
   * Logs in on the token holding `ref` and finds its key. `onLoggedIn` runs between the login and
   * the first signature (progress for the officer; the point where a pulled token shows).
   */
  openSigningSession(ref: CertificateRef, pin: string): SigningSession {
    const api = this.open();
    let session: Buffer | null = null;
    let loggedIn = false;
    const close = () => {
      if (!session) return;
      const s = session;
      session = null;
      try {
        if (loggedIn) api.C_Logout(s);
        api.C_CloseSession(s);
      } catch (err) {
        // The token is gone: there is no session left to close, and the module restarts.
        if (!REMOVED.has(codeOf(err) ?? -1)) throw err;
        this.reset();
      }
    };
    try {
      const slot = api.C_GetSlotList(true).find((s) => api.C_GetTokenInfo(s).serialNumber.trim() === ref.tokenSerial);
      if (slot === undefined) throw new AppError('UNAVAILABLE', TOKEN_MESSAGES.noToken);
      const state = pinState(api.C_GetTokenInfo(slot).flags);
      // A locked token is refused before any try: another wrong PIN could not help.
      if (state === 'locked') throw new AppError('FORBIDDEN', TOKEN_MESSAGES.locked, { reason: 'pinLocked', pinState: 'locked' });
      session = api.C_OpenSession(slot, R.CKF_SERIAL_SESSION);
      try {
        api.C_Login(session, R.CKU_USER, pin);
        loggedIn = true;
      } catch (err) {
        const code = codeOf(err);
        if (code === R.CKR_USER_ALREADY_LOGGED_IN) loggedIn = true;
        else if (code === R.CKR_PIN_INCORRECT || code === R.CKR_PIN_INVALID || code === R.CKR_PIN_LEN_RANGE) {
          const after = pinState(api.C_GetTokenInfo(slot).flags);
          const message = after === 'locked' ? TOKEN_MESSAGES.locked : after === 'finalTry' ? TOKEN_MESSAGES.finalTry : after === 'countLow' ? TOKEN_MESSAGES.wrongPinLow : TOKEN_MESSAGES.wrongPin;
          throw new AppError(after === 'locked' ? 'FORBIDDEN' : 'INVALID_INPUT', message, { reason: after === 'locked' ? 'pinLocked' : 'wrongPin', pinState: after });
        } else if (code === R.CKR_PIN_LOCKED) throw new AppError('FORBIDDEN', TOKEN_MESSAGES.locked, { reason: 'pinLocked', pinState: 'locked' });
        else throw err;
      }
      const keys = this.find(api, session, [
        { type: R.CKA_CLASS, value: R.CKO_PRIVATE_KEY },
        { type: R.CKA_ID, value: Buffer.from(ref.id, 'hex') },
      ]);
      const key = keys[0];
      if (key === undefined) throw new AppError('NOT_FOUND', TOKEN_MESSAGES.noKey);
      const open = session;
      return {
        signSha256: (data) => {
          try {
            const digest = new Uint8Array(createHash('sha256').update(data).digest());
            api.C_SignInit(open, { mechanism: R.CKM_RSA_PKCS }, key);
            return new Uint8Array(api.C_Sign(open, sha256DigestInfo(digest), Buffer.alloc(1024)));
          } catch (err) {
            throw this.mapError(err);
          }
        },
        close,
      };
    } catch (err) {
      try {
        close();
      } catch (closeErr) {
        console.warn(`[signing] closing the session after a failure: ${codeOf(closeErr) ?? 'error'}`);
      }
      throw this.mapError(err);
    }
  }

  private find(api: Pkcs11Api, session: Buffer, template: pkcs11js.Template): Buffer[] {
    api.C_FindObjectsInit(session, template);
    try {
      return api.C_FindObjects(session, 100);
    } finally {
      api.C_FindObjectsFinal(session);
    }
  }

  /** PKCS#11 return values → the officer's words; a vanished token restarts the module. */
  private mapError(err: unknown): AppError {
    if (err instanceof AppError) return err;
    const code = codeOf(err);
    if (code !== null && REMOVED.has(code)) {
      console.warn(`[signing] the token stopped answering (PKCS#11 ${code}); the module starts again on the next call`);
      this.reset();
      return new AppError('UNAVAILABLE', TOKEN_MESSAGES.removed, { reason: 'tokenRemoved', pkcs11: code });
    }
    if (code === R.CKR_PIN_LOCKED) return new AppError('FORBIDDEN', TOKEN_MESSAGES.locked, { reason: 'pinLocked' });
    console.warn(`[signing] the token refused: PKCS#11 ${code ?? (err instanceof Error ? err.name : 'error')}`);
    return new AppError('UNAVAILABLE', TOKEN_MESSAGES.failed, { reason: 'tokenError', pkcs11: code });
  }
}

/** A token certificate read as pkijs (null when the object is not a certificate we can read). */
export function readTokenCertificate(c: TokenCertificate): pkijs.Certificate | null {
  try {
    return parseCertificate(c.der);
  } catch {
    return null;
  }
}
