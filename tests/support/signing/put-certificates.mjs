// Writes X.509 certificate objects onto a PKCS#11 token (softhsm2-util imports only keys).
// Runs as its own process so the test process's PKCS#11 state stays the app's alone.
// Usage: node put-certificates.mjs MODULE TOKEN_LABEL PIN FILE.json   ([{ label, id, subject, der }], hex/hex/base64)
import fs from 'node:fs';
import pkcs11js from 'pkcs11js';

const [modulePath, tokenLabel, pin, file] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(file, 'utf8'));
const p = new pkcs11js.PKCS11();
p.load(modulePath);
p.C_Initialize();
try {
  const slot = p.C_GetSlotList(true).find((s) => p.C_GetTokenInfo(s).label.trim() === tokenLabel);
  if (slot === undefined) throw new Error(`no token labelled ${tokenLabel}`);
  const session = p.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
  p.C_Login(session, pkcs11js.CKU_USER, pin);
  for (const item of items) {
    p.C_CreateObject(session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
      { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
      { type: pkcs11js.CKA_TOKEN, value: true },
      { type: pkcs11js.CKA_PRIVATE, value: false },
      { type: pkcs11js.CKA_ID, value: Buffer.from(item.id, 'hex') },
      { type: pkcs11js.CKA_LABEL, value: item.label },
      { type: pkcs11js.CKA_SUBJECT, value: Buffer.from(item.subject, 'hex') },
      { type: pkcs11js.CKA_VALUE, value: Buffer.from(item.der, 'base64') },
    ]);
  }
  p.C_Logout(session);
  p.C_CloseSession(session);
} finally {
  p.C_Finalize();
}
