/**
 * Đồng bộ: enrolment with the province hub, the sync status with "Đồng bộ ngay", the clock
 * warning (appointment dates must not be printed from an untrusted clock) and the ops the
 * province refused, and the scanned papers on their way up (FilesPanel).
 */
import { Alert, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { vi } from '../../i18n/vi';
import { useSession } from '../../stores/session';
import { useFocusOnMount } from '../../ui/useFocusOnMount';
import { useSyncStatus } from '../../stores/syncStatus';
import { ClockAlert } from './ClockAlert';
import { EnrollForm } from './EnrollForm';
import { FilesPanel } from './FilesPanel';
import { RejectedOps } from './RejectedOps';
import { StatusPanel } from './StatusPanel';

const t = vi.sync;

export function SyncScreen() {
  const { status, error, refresh } = useSyncStatus();
  const isAdmin = useSession((s) => s.officer?.role === 'admin');
  const root = useFocusOnMount<HTMLDivElement>();
  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <div data-testid="sync" ref={root} tabIndex={-1} className="screen-root">
      <Typography.Title level={1} className="title-size-3" style={{ marginTop: 0 }}>
        {t.title}
      </Typography.Title>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon title={error} data-testid="sync-error" />}
        {status?.clockWarning && <ClockAlert status={status} isAdmin={isAdmin} />}
        {status && !status.enrolled && (
          <>
            <Alert type="warning" showIcon title={t.notEnrolled} data-testid="sync-not-enrolled" />
            {isAdmin ? <EnrollForm /> : <Alert type="info" showIcon title={t.adminOnlyEnroll} />}
          </>
        )}
        {status && <StatusPanel status={status} />}
        {status?.enrolled && <FilesPanel status={status} isAdmin={isAdmin} />}
        {status?.enrolled && <RejectedOps status={status} isAdmin={isAdmin} />}
      </Space>
    </div>
  );
}
