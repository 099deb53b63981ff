/**
 * A banner over the screens when the data disk runs low, before a full disk refuses a receipt, a
 * print or a backup. Asked on load and every five minutes; silent while there is room.
 */
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import type { StorageStatus } from '@shared/rpc/storage';
import { vi } from '../i18n/vi';
import { call } from '../rpc/client';
import { useInterval } from '../ui/useInterval';

const POLL_MS = 5 * 60_000;

function gigabytes(bytes: number): string {
  return (bytes / 1024 ** 3).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}

export function StorageWarning() {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const refresh = () => {
    call('storage.status', {}).then(setStatus, () => undefined);
  };
  useEffect(refresh, []);
  useInterval(refresh, POLL_MS);
  if (!status || status.level === 'ok') return null;
  const t = vi.storage;
  return (
    <Alert
      data-testid="storage-warning"
      type={status.level === 'critical' ? 'error' : 'warning'}
      showIcon
      banner
      title={status.level === 'critical' ? t.critical(gigabytes(status.freeBytes)) : t.low(gigabytes(status.freeBytes))}
      description={t.what}
    />
  );
}
