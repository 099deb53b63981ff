/**
 * Paired LAN devices: the administrator's pairing codes, the devices' tokens and their revocation.
 *
 * - A pairing code is six digits from the crypto generator, stored as its SHA-256 with what the
 *   device will be (scope, counter, label), valid PAIRING_CODE_MINUTES, deleted when used.
 * - Pairing answers a token ("dv." + 32 random bytes); only its SHA-256 is stored. The prefix
 *   tells the dispatcher's resolver to look here rather than among officers' sessions.
 * - Every call resolves the token afresh: a revoked device is refused at its next call, and its
 *   event stream is told at once (watch()).
 * - A rating tablet's counter can be changed by an administrator (setCounter): the same token
 *   then asks for the new counter's citizens at its next call, and its page is told
 *   ("device.changed") to ask who it is again, so nobody walks to the tablet to pair it anew.
 */
import { EventEmitter } from 'node:events';
import { randomInt } from 'node:crypto';
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import { PAIRING_CODE_MINUTES, type Device, type DeviceSelf } from '@shared/rpc/devices';
import type { DeviceScope, Officer } from '@shared/rpc';
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import type { CounterDb } from '../db/open';
import { preparedPerConnection } from '../db/prepared';
import { device, devicePairing } from '../db/schema';
import { appendAudit } from '../audit/audit-log';
import { newId } from '../ids';
import type { Caller } from '../rpc/dispatch';
import type { DevicePrincipal } from '../rpc/handlers';
import { hashToken, newToken } from '../auth/tokens';
import { PairingThrottle } from './pairing-throttle';

export const DEVICE_TOKEN_PREFIX = 'dv.';

export function isDeviceToken(token: string): boolean {
  return token.startsWith(DEVICE_TOKEN_PREFIX);
}

/** A last-seen write per call would be a write per tap; a minute is precise enough for the list. */
const SEEN_WRITE_EVERY_MS = 60_000;

const WRONG_CODE = 'Mã ghép nối không đúng hoặc đã hết hạn. Hãy xin quản trị viên mã mới.';

interface ActiveRow {
  id: string;
  scope: DeviceScope;
  counterNo: number | null;
  label: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

const byTokenHash = preparedPerConnection((c) =>
  c.prepare<[string], ActiveRow>(
    'SELECT id, scope, counter_no AS counterNo, label, last_seen_at AS lastSeenAt, revoked_at AS revokedAt FROM device WHERE token_hash = ?',
  ),
);

export class DeviceService {
  private readonly throttle: PairingThrottle;
  /** Revocations, by token hash, for the hosts' event streams. */
  private readonly endings = new EventEmitter();

  constructor(
    private readonly db: CounterDb,
    private readonly clock: Clock,
    private readonly events: CoreEvents,
  ) {
    this.throttle = new PairingThrottle(clock);
    this.endings.setMaxListeners(0);
  }

  startPairing(by: Officer, input: { scope: DeviceScope; label: string; counterNo: number | null }): { code: string; expiresAt: string } {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000).toISOString();
    const counterNo = input.scope === 'rating' ? input.counterNo : null;
    return this.db.transaction((tx) => {
      tx.delete(devicePairing).where(lt(devicePairing.expiresAt, now.toISOString())).run();
      // Six digits can collide with a pending code: draw again (a handful of codes are pending at most).
      let code: string;
      do code = String(randomInt(1_000_000)).padStart(6, '0');
      while (tx.select().from(devicePairing).where(eq(devicePairing.codeHash, hashToken(code))).get());
      tx.insert(devicePairing)
        .values({ codeHash: hashToken(code), scope: input.scope, counterNo, label: input.label, createdBy: by.id, createdAt: now.toISOString(), expiresAt })
        .run();
      appendAudit(tx, { at: now.toISOString(), officerId: by.id, action: 'device.pairing_started', target: input.label, details: { scope: input.scope, counterNo } });
      return { code, expiresAt };
    });
  }

  /** The device's side. Wrong, expired or used codes all get the same answer. */
  pair(code: string, caller: Caller): { token: string; device: DeviceSelf } {
    const address = caller.address ?? 'local';
    const wait = this.throttle.waitSeconds(address);
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', `Nhập sai mã quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(wait / 60)} phút.`, { retryAfterSeconds: wait });
    }
    const now = this.clock.now().toISOString();
    const codeHash = hashToken(code);
    const pending = this.db.select().from(devicePairing).where(eq(devicePairing.codeHash, codeHash)).get();
    if (!pending || pending.expiresAt <= now) {
      const { overallReached } = this.throttle.fail(address);
      this.db.transaction((tx) => {
        if (overallReached) tx.delete(devicePairing).run();
        appendAudit(tx, { at: now, officerId: null, action: 'device.pair_failed', target: null, details: { source: address, voidedPendingCodes: overallReached } });
      });
      throw new AppError('UNAUTHENTICATED', WRONG_CODE);
    }
    const token = DEVICE_TOKEN_PREFIX + newToken();
    const self: DeviceSelf = { id: newId(), scope: pending.scope, counterNo: pending.counterNo, label: pending.label };
    this.db.transaction((tx) => {
      tx.delete(devicePairing).where(eq(devicePairing.codeHash, codeHash)).run();
      tx.insert(device)
        .values({ ...self, tokenHash: hashToken(token), pairedAt: now, pairedBy: pending.createdBy, lastSeenAt: now, address: caller.address ?? null })
        .run();
      appendAudit(tx, { at: now, officerId: pending.createdBy, action: 'device.paired', target: self.label, details: { id: self.id, scope: self.scope, counterNo: self.counterNo, source: address } });
    });
    queueMicrotask(() => this.events.emit('device.changed', { id: self.id }));
    return { token, device: self };
  }

  /** Moves a rating tablet to another counter; the only page whose counter means anything. */
  setCounter(by: Officer, id: string, counterNo: number): Device {
    const now = this.clock.now().toISOString();
    const changed = this.db.transaction((tx) => {
      const row = tx.select().from(device).where(eq(device.id, id)).get();
      if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy thiết bị');
      if (row.revokedAt) throw new AppError('CONFLICT', 'Thiết bị này đã bị thu hồi');
      if (row.scope !== 'rating') throw new AppError('INVALID_INPUT', 'Chỉ máy đánh giá mới gắn với một quầy');
      if (row.counterNo === counterNo) return false;
      tx.update(device).set({ counterNo }).where(eq(device.id, id)).run();
      appendAudit(tx, { at: now, officerId: by.id, action: 'device.counter_changed', target: row.label, details: { id, scope: row.scope, from: row.counterNo, to: counterNo } });
      return true;
    });
    if (changed) queueMicrotask(() => this.events.emit('device.changed', { id }));
    const found = this.list().find((d) => d.id === id);
    if (!found) throw new AppError('NOT_FOUND', 'Không tìm thấy thiết bị');
    return found;
  }

  /** The counters that have a paired rating tablet: the officers' windows offer to set theirs. */
  ratingCounters(): number[] {
    const rows = this.db
      .selectDistinct({ counterNo: device.counterNo })
      .from(device)
      .where(and(eq(device.scope, 'rating'), isNull(device.revokedAt)))
      .all();
    return rows.flatMap((r) => (r.counterNo === null ? [] : [r.counterNo])).sort((a, b) => a - b);
  }

  list(): Device[] {
    return this.db
      .select({
        id: device.id,
        scope: device.scope,
        counterNo: device.counterNo,
        label: device.label,
        pairedAt: device.pairedAt,
        pairedBy: device.pairedBy,
        lastSeenAt: device.lastSeenAt,
        address: device.address,
        revokedAt: device.revokedAt,
      })
      .from(device)
      .orderBy(desc(device.pairedAt))
      .all();
  }

  revoke(by: Officer, id: string): Device {
    const now = this.clock.now().toISOString();
    const tokenHash = this.db.transaction((tx) => {
      const row = tx.select().from(device).where(eq(device.id, id)).get();
      if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy thiết bị');
      if (row.revokedAt) return null;
      tx.update(device).set({ revokedAt: now, revokedBy: by.id }).where(and(eq(device.id, id), isNull(device.revokedAt))).run();
      appendAudit(tx, { at: now, officerId: by.id, action: 'device.revoked', target: row.label, details: { id, scope: row.scope } });
      return row.tokenHash;
    });
    // After the commit (the transaction above is synchronous): the stream closes on a revocation that holds.
    if (tokenHash)
      queueMicrotask(() => {
        this.endings.emit(tokenHash, 'revoked');
        this.events.emit('device.changed', { id });
      });
    const found = this.list().find((d) => d.id === id);
    if (!found) throw new AppError('NOT_FOUND', 'Không tìm thấy thiết bị');
    return found;
  }

  /** The dispatcher's question for a device token. */
  resolve(token: string): DevicePrincipal | AppError {
    const tokenHash = hashToken(token);
    const row = byTokenHash(this.db).get(tokenHash);
    if (!row || row.revokedAt) return new AppError('UNAUTHENTICATED', 'Thiết bị chưa được ghép nối hoặc đã bị thu hồi. Hãy xin quản trị viên mã ghép nối mới.');
    const now = this.clock.now();
    const seen = row.lastSeenAt ? Date.parse(row.lastSeenAt) : 0;
    // A clock set back leaves a negative gap: write then too, so the list does not show a future time forever.
    if (Math.abs(now.getTime() - seen) >= SEEN_WRITE_EVERY_MS) {
      this.db.update(device).set({ lastSeenAt: now.toISOString() }).where(eq(device.tokenHash, tokenHash)).run();
    }
    return { kind: 'device', device: { id: row.id, scope: row.scope, counterNo: row.counterNo, label: row.label } };
  }

  /** Calls `onEnd` once when this device is revoked; returns the unsubscribe. */
  watch(token: string, onEnd: (reason: 'revoked') => void): () => void {
    const key = hashToken(token);
    const listener = () => onEnd('revoked');
    this.endings.once(key, listener);
    return () => this.endings.off(key, listener);
  }

  status(token: string): 'open' | 'gone' {
    const row = byTokenHash(this.db).get(hashToken(token));
    return row && !row.revokedAt ? 'open' : 'gone';
  }
}
