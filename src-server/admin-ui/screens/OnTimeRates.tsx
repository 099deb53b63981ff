/** Tỷ lệ đúng hạn: per-commune on-time rate of dossiers finished in a chosen period (QĐ 766, 2.1). */
import { Card, Progress, Space, Table, Typography } from 'antd';
import type { OnTimeRow } from '@shared/hub-admin/api';
import { vi } from '../i18n/vi';
import { callAdmin } from '../stores/session';
import { percent } from '../ui/format';
import { useLoad } from '../ui/useLoad';
import { PeriodField, usePeriod } from '../ui/period';

export function OnTimeRates() {
  const period = usePeriod();
  const rates = useLoad(() => callAdmin('reports.onTime', { input: period.input }), period.deps);

  return (
    <Card title={vi.onTime.title}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <PeriodField label={vi.onTime.period} period={period} />
        <Typography.Text type="secondary">{vi.onTime.explain}</Typography.Text>
        <Table<OnTimeRow>
          rowKey="communeCode"
          size="middle"
          loading={rates.loading}
          dataSource={rates.data?.communes ?? []}
          locale={rates.error ? { emptyText: rates.error } : undefined}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: vi.onTime.commune, render: (_, r) => `${r.communeName} (${r.communeCode})` },
            { title: vi.onTime.finished, dataIndex: 'finished', align: 'right' },
            { title: vi.onTime.onTime, dataIndex: 'onTime', align: 'right' },
            { title: vi.onTime.late, dataIndex: 'late', align: 'right' },
            { title: vi.onTime.lateApologised, dataIndex: 'lateApologised', align: 'right' },
            { title: vi.onTime.exceptions, dataIndex: 'exceptions', align: 'right' },
            {
              title: vi.onTime.rate,
              width: 260,
              render: (_, r) =>
                r.rate === null ? (
                  vi.onTime.noData
                ) : (
                  <Progress
                    percent={Math.round(r.rate * 1000) / 10}
                    format={() => percent(r.rate!)}
                    status={r.rate < 0.9 ? 'exception' : 'success'}
                    aria-label={`${vi.onTime.rate} ${r.communeName}`}
                    size="small"
                  />
                ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
