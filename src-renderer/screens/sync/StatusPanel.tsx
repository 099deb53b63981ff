/** Where sync stands: state, what waits and for how long, the last success and error, the clock. */
import { SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTimeVi } from '@shared/domain/text';
import type { SyncStatus } from '@shared/rpc/sync';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { useSyncStatus } from '../../stores/syncStatus';
import { errorText } from '../../ui/errors';
import { now } from '../../ui/clock';

const t = vi.sync;
const STATE_COLORS: Record<SyncStatus['state'], string> = {
  not_enrolled: 'default',
  idle: 'green',
  syncing: 'processing',
  offline: 'orange',
  error: 'red',
  revoked: 'red',
};

/** "3 giờ": how long ago, coarse enough for an officer to act on. */
export function ageText(iso: string, nowMs = now().getTime()): string {
  const minutes = Math.floor((nowMs - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return t.ago.seconds;
  if (minutes < 60) return t.ago.minutes(minutes);
  if (minutes < 48 * 60) return t.ago.hours(Math.floor(minutes / 60));
  return t.ago.days(Math.floor(minutes / 1440));
}

/** A positive offset means this PC's clock is behind the hub's (trusted-time.ts reads it the same way). */
function offsetText(ms: number): string {
  const seconds = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(Math.abs(ms) / 1000);
  if (seconds === '0') return t.clockSame;
  return ms > 0 ? t.clockSlow(seconds) : t.clockFast(seconds);
}

const PASS_STATUS_POLL_MS = 1_000;

export function StatusPanel({ status }: { status: SyncStatus }) {
  const { message } = App.useApp();
  const setStatus = useSyncStatus((s) => s.set);
  const refresh = useSyncStatus((s) => s.refresh);
  const [busy, setBusy] = useState(false);

  async function syncNow() {
    setBusy(true);
    // A pass may send scanned files for minutes and answers only at its end: ask for the status
    // meanwhile, or the files panel would show nothing moving until the pass is over.
    const watch = setInterval(() => void refresh(), PASS_STATUS_POLL_MS);
    try {
      const next = await call('sync.now', {});
      setStatus(next);
      if (next.lastError && next.state !== 'idle') message.error(next.lastError.message);
      else message.success(t.done);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      clearInterval(watch);
      setBusy(false);
    }
  }

  return (
    <Card
      size="small"
      title={t.status}
      data-testid="sync-status"
      extra={
        <Button type="primary" icon={<SyncOutlined aria-hidden spin={busy} />} disabled={!status.enrolled || busy} onClick={() => void syncNow()}>
          {t.now}
        </Button>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={2}
        styles={{ label: { width: 210 } }}
        items={[
          {
            key: 'state',
            label: t.state,
            children: (
              <Tag color={STATE_COLORS[status.state]} data-testid="sync-state">
                {t.states[status.state]}
              </Tag>
            ),
          },
          { key: 'hub', label: t.hub, children: status.hubUrl ?? '—' },
          { key: 'pending', label: t.pending, children: <span data-testid="sync-pending">{status.pending}</span> },
          {
            key: 'oldest',
            label: t.oldestPending,
            children: <span className="dyn">{status.oldestPendingAt ? t.oldestPendingValue(ageText(status.oldestPendingAt)) : t.none}</span>,
          },
          {
            key: 'success',
            label: t.lastSuccess,
            children: <span className="dyn">{status.lastSuccessAt ? formatDateTimeVi(status.lastSuccessAt) : t.never}</span>,
          },
          { key: 'offset', label: t.clockOffset, children: <span data-testid="sync-clock">{status.clockOffsetMs === null ? t.unknown : offsetText(status.clockOffsetMs)}</span> },
          {
            key: 'error',
            label: t.lastError,
            span: 2,
            children: status.lastError ? (
              <span className="overdue" data-testid="sync-last-error">
                {status.lastError.message} <span className="muted dyn">({formatDateTimeVi(status.lastError.at)})</span>
              </span>
            ) : (
              t.none
            ),
          },
        ]}
      />
    </Card>
  );
}
