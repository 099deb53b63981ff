/** A dossier's status as a coloured tag, with the overdue flag next to it. */
import { Space, Tag } from 'antd';
import type { DossierStatus } from '@shared/dossier';
import { STATUS_LABELS } from '@shared/domain/lifecycle';
import { vi } from '../i18n/vi';

const COLORS: Record<DossierStatus, string> = {
  received: 'blue',
  rejected: 'default',
  transferred: 'geekblue',
  processing: 'processing',
  awaiting_supplement: 'orange',
  awaiting_fee: 'gold',
  withdrawal_requested: 'magenta',
  stopped: 'default',
  result_ready: 'green',
  returned: 'success',
};

export function StatusTag({ status, overdue }: { status: DossierStatus; overdue?: boolean }) {
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[status]} data-testid="status-tag">
        {STATUS_LABELS[status]}
      </Tag>
      {overdue && <Tag color="red">{vi.status.overdue}</Tag>}
    </Space>
  );
}
