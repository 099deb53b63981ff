/** Tỷ lệ đúng hạn: per-commune on-time rate of dossiers finished in a chosen period (QĐ 766, 2.1). */
import { Card, DatePicker, Progress, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { OnTimeRow } from '../api/types';
import { vi } from '../i18n/vi';
import { adminApi } from '../stores/session';
import { percent } from '../ui/format';
import { useLoad } from '../ui/useLoad';
import { nowDayjs } from '../ui/clock';

/**
 * The picked calendar days are Vietnamese days whatever the browser's time zone: Vietnam keeps
 * UTC+7 all year, so the bounds are written with a fixed offset.
 */
const vnDayStart = (day: Dayjs) => `${day.format('YYYY-MM-DD')}T00:00:00+07:00`;

export function OnTimeRates() {
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>([nowDayjs().startOf('month'), nowDayjs().endOf('month')]);
  const rates = useLoad(
    () =>
      adminApi<{ communes: OnTimeRow[] }>('GET', '/v1/admin/reports/on-time', {
        query: range ? { from: vnDayStart(range[0]), to: vnDayStart(range[1].add(1, 'day')) } : {},
      }),
    [range?.[0].valueOf(), range?.[1].valueOf()],
  );

  return (
    <Card title={vi.onTime.title}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space>
          <Typography.Text>{vi.onTime.period}</Typography.Text>
          <DatePicker.RangePicker
            value={range}
            format="DD/MM/YYYY"
            onChange={(value) => setRange(value && value[0] && value[1] ? [value[0], value[1]] : null)}
          />
        </Space>
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
