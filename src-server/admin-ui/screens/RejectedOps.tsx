/** Lệnh bị từ chối: sync ops the hub refused, counted per commune, with each op's reason. */
import { Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { RejectedOpRow, RejectedOpsSummary } from '@shared/hub-admin/api';
import { vi } from '../i18n/vi';
import { callAdmin } from '../stores/session';
import { when } from '../ui/format';
import { useLoad } from '../ui/useLoad';
import { selectClear } from '../../../src-ui/clear-buttons';

export function RejectedOps() {
  const [commune, setCommune] = useState<string>();
  const communes = useLoad(() => callAdmin('stats.communes'), []);
  const rejected = useLoad(
    () =>
      callAdmin('rejectedOps.list', {
        input: { commune, limit: 200 },
      }),
    [commune],
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={vi.rejected.title}
        extra={
          <Select<string>
            style={{ width: 300 }}
            placeholder={vi.dossiers.commune}
            aria-label={vi.dossiers.commune}
            allowClear={selectClear(vi.common.clearSelection)}
            showSearch={{ optionFilterProp: 'label' }}
            value={commune}
            onChange={setCommune}
            options={(communes.data?.communes ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
          />
        }
      >
        <Table<RejectedOpsSummary>
          rowKey="communeCode"
          size="small"
          title={() => vi.rejected.summary}
          loading={rejected.loading}
          dataSource={rejected.data?.summary ?? []}
          pagination={false}
          locale={{ emptyText: rejected.error ?? vi.rejected.none }}
          columns={[
            { title: vi.dossiers.commune, render: (_, r) => `${r.communeName} (${r.communeCode})` },
            { title: vi.rejected.count, dataIndex: 'rejected', align: 'right' },
          ]}
        />
      </Card>
      <Card>
        <Table<RejectedOpRow>
          rowKey="opId"
          size="small"
          loading={rejected.loading}
          dataSource={rejected.data?.rows ?? []}
          locale={{ emptyText: rejected.error ?? vi.rejected.none }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: vi.rejected.at, width: 150, render: (_, r) => when(r.receivedAt) },
            { title: vi.dossiers.commune, width: 200, dataIndex: 'communeName' },
            { title: vi.rejected.device, width: 160, dataIndex: 'deviceName' },
            { title: vi.rejected.opType, width: 170, render: (_, r) => vi.rejected.opTypes[r.opType] ?? r.opType },
            { title: vi.rejected.code, width: 170, render: (_, r) => (r.code ? <Tag color="red">{r.code}</Tag> : null) },
            { title: vi.rejected.reason, dataIndex: 'reason' },
          ]}
        />
      </Card>
    </Space>
  );
}
