/** Mức độ hài lòng: citizens' ratings at the counters, per commune, over a chosen period. */
import { Card, DatePicker, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { SatisfactionRow } from '@shared/hub-admin/api';
import { vi } from '../i18n/vi';
import { callAdmin } from '../stores/session';
import { useLoad } from '../ui/useLoad';
import { nowDayjs } from '../ui/clock';

/** Vietnamese days whatever the browser's time zone (Vietnam keeps UTC+7 all year). */
const vnDayStart = (day: Dayjs) => `${day.format('YYYY-MM-DD')}T00:00:00+07:00`;

export function Satisfaction() {
  const t = vi.satisfaction;
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>([nowDayjs().startOf('month'), nowDayjs().endOf('month')]);
  const rows = useLoad(
    () => callAdmin('reports.satisfaction', { input: range ? { from: vnDayStart(range[0]), to: vnDayStart(range[1].add(1, 'day')) } : {} }),
    [range?.[0].valueOf(), range?.[1].valueOf()],
  );
  return (
    <Card title={t.title}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space>
          <Typography.Text>{t.period}</Typography.Text>
          <DatePicker.RangePicker value={range} format="DD/MM/YYYY" onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} />
        </Space>
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
