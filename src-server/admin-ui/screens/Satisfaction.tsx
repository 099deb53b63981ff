/** Mức độ hài lòng: citizens' ratings at the counters, per commune, over a chosen period. */
import { Card, Space, Table, Typography } from 'antd';
import type { SatisfactionRow } from '@shared/hub-admin/api';
import { vi } from '../i18n/vi';
import { callAdmin } from '../stores/session';
import { useLoad } from '../ui/useLoad';
import { PeriodField, usePeriod } from '../ui/period';

export function Satisfaction() {
  const t = vi.satisfaction;
  const period = usePeriod();
  const rows = useLoad(() => callAdmin('reports.satisfaction', { input: period.input }), period.deps);
  return (
    <Card title={t.title}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <PeriodField label={t.period} period={period} />
        <Typography.Text type="secondary">{t.explain}</Typography.Text>
        <Table<SatisfactionRow>
          rowKey="communeCode"
          size="middle"
          data-testid="satisfaction-table"
          loading={rows.loading}
          dataSource={rows.data?.communes ?? []}
          locale={rows.error ? { emptyText: rows.error } : undefined}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t.commune, render: (_, r) => `${r.communeName} (${r.communeCode})` },
            { title: t.verySatisfied, dataIndex: 'verySatisfied', align: 'right' },
            { title: t.satisfied, dataIndex: 'satisfied', align: 'right' },
            { title: t.dissatisfied, dataIndex: 'dissatisfied', align: 'right' },
            { title: t.total, dataIndex: 'total', align: 'right' },
            { title: t.rate, align: 'right', render: (_, r) => (r.satisfiedPercent === null ? t.noData : `${r.satisfiedPercent.toLocaleString('vi-VN')} %`) },
          ]}
        />
      </Space>
    </Card>
  );
}
