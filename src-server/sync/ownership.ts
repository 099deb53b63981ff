/**
 * Who may write what at the hub, as pure decisions over plain values. decide-op.ts, the one rule
 * book both apply paths ask (apply-dossier.ts one op at a time, apply-batch.ts a whole push at
 * once), applies them, so the paths cannot disagree.
 *
 * Findings of a security review they answer:
 * - a device of commune A registered a dossier under commune B's code: B's next dossier with that
 *   code was then refused for good, and B's citizen scanning the receipt saw A's text. A code now
 *   belongs to the commune whose identifier it starts with (DOMAIN §3.1), and only that commune's
 *   devices may use it;
 * - an old snapshot replayed under a new op id moved a status from transferred back to received.
 *   A snapshot may now only keep the hub's status or move it forward along the lifecycle; an
 *   older one is refused and says why, whatever its op id.
 */
import { codeBelongsToAgency } from '@shared/domain/dossier-code';
import { allowedActions, STATUS_LABELS, transition, type LifecyclePolicy } from '@shared/domain/lifecycle';
import { DOSSIER_STATUSES, type Dossier, type DossierStatus } from '@shared/dossier';
import { OpRejection } from './rejection';

/** The two steps a counter may still take after the province has set a processing status. */
export const COUNTER_STEPS_AFTER_PROVINCE: ReadonlySet<DossierStatus> = new Set(['returned', 'withdrawal_requested']);

/** The pushed code is not the device's commune's (its agency part names another, or none). */
export function codeOwnershipRejection(incoming: Pick<Dossier, 'code'>, device: { communeCode: string; communeName: string }): OpRejection | null {
  if (codeBelongsToAgency(incoming.code, device.communeCode)) return null;
  return new OpRejection(
    'foreign_code',
    `Mã hồ sơ ${incoming.code} không bắt đầu bằng mã định danh của ${device.communeName} (${device.communeCode}); thiết bị chỉ được dùng mã hồ sơ của xã mình. Kiểm tra mẫu mã hồ sơ trong Cài đặt.`,
  );
}

/** No limit on supplements or extensions: reachability asks what can follow, not what is allowed twice. */
const ANY_HISTORY: LifecyclePolicy = { maxSupplementRequests: Number.MAX_SAFE_INTEGER, maxExtensions: Number.MAX_SAFE_INTEGER };

/** For each status, every status the lifecycle can lead to from it (itself included). */
const REACHABLE: ReadonlyMap<DossierStatus, ReadonlySet<DossierStatus>> = new Map(
  DOSSIER_STATUSES.map((from) => {
    const seen = new Set<DossierStatus>([from]);
    const queue: DossierStatus[] = [from];
    while (queue.length > 0) {
      const s = queue.shift()!;
      for (const action of allowedActions(s, {}, ANY_HISTORY)) {
        const next = transition(s, action, {}, ANY_HISTORY);
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return [from, seen];
  }),
);

export function canReach(from: DossierStatus, to: DossierStatus): boolean {
  return REACHABLE.get(from)?.has(to) ?? false;
}

/** The hub's state of a dossier that a snapshot's status is decided against. */
export interface HubDossierState {
  status: DossierStatus;
  /** Set once the province has recorded a processing status: from then on it owns the status. */
  provinceStatusAt: unknown;
}

/**
 * The status the hub keeps for a pushed snapshot, or why the snapshot is refused:
 * - a new dossier takes the snapshot's status;
 * - once the province owns the status, the snapshot brings the commune's data and its status is
 *   not used — except the counter's own two steps (handing the result over, the citizen
 *   withdrawing), which still move it forward; the status can then never go backwards either;
 * - otherwise a status the hub's cannot lead to is older than what the hub knows: refused
 *   (stale_status), whatever the op id.
 */
export function decideSnapshotStatus(
  existing: HubDossierState | undefined,
  incoming: Pick<Dossier, 'code' | 'status'>,
): { status: DossierStatus } | { rejection: OpRejection } {
  if (!existing) return { status: incoming.status };
  const provinceOwns = Boolean(existing.provinceStatusAt);
  if (provinceOwns && !COUNTER_STEPS_AFTER_PROVINCE.has(incoming.status)) return { status: existing.status };
  if (!canReach(existing.status, incoming.status)) {
    return {
      rejection: new OpRejection(
        'stale_status',
        `Hồ sơ ${incoming.code} trên hệ thống tỉnh đang ở trạng thái "${STATUS_LABELS[existing.status]}"; bản gửi lên ở trạng thái "${STATUS_LABELS[incoming.status]}" là bản cũ hơn nên không được ghi. Hãy đồng bộ lại để nhận trạng thái mới.`,
      ),
    };
  }
  return { status: incoming.status };
}
