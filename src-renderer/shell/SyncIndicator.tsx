/** The header's sync light: what waits to be sent, or a red warning; a click opens Đồng bộ. */
import { CloudSyncOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useEffect } from 'react';
import { vi } from '../i18n/vi';
import { useNavigation } from '../stores/navigation';
import { useSyncStatus } from '../stores/syncStatus';
import { useInterval } from '../ui/useInterval';

const t = vi.sync.indicator;
const POLL_MS = 30_000;

export function SyncIndicator() {
  const { status, error, refresh } = useSyncStatus();
  const go = useNavigation((s) => s.go);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useInterval(() => void refresh(), POLL_MS);

  let color = 'default';
  let text: string = t.unknown;
  let icon = <CloudSyncOutlined aria-hidden />;
  if (status?.clockWarning) {
    color = 'red';
    text = t.warning;
    icon = <WarningOutlined aria-hidden />;
  } else if (status && !status.enrolled) {
    text = t.notEnrolled;
  } else if (status && (status.state === 'error' || status.state === 'revoked')) {
    color = 'red';
    text = t.error;
  } else if (status && status.pending > 0) {
    color = 'orange';
    text = t.pending(status.pending);
  } else if (status) {
    color = 'green';
    text = t.ok;
  }
  const tip = status?.clockWarning ?? error ?? (status ? vi.sync.states[status.state] : undefined);
  return (
    <Tooltip title={tip}>
      <Tag
        color={color}
        icon={icon}
        onClick={() => go('sync')}
        className="clickable-row"
        data-testid="sync-indicator"
        role="button"
        tabIndex={0}
        onKeyDown={(e) => e.key === 'Enter' && go('sync')}
      >
        {text}
      </Tag>
    </Tooltip>
  );
}
