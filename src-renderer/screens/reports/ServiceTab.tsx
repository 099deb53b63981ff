/**
 * Phục vụ tại quầy (issue #18, item 8): waiting and service times per field and per officer,
 * numbers taken per hour, and the citizens' ratings per level, officer and field over a range of
 * days. Figures come whole from core (ratings/service-report.ts); this page only lays them out.
 */
import { Alert, Card, Col, DatePicker, Row, Space, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { SATISFACTION_LEVEL_NAMES } from '@shared/domain/satisfaction';
import type { ServiceReport } from '@shared/rpc/ratings';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { useNavigation } from '../../stores/navigation';
import { nowDayjs } from '../../ui/clock';
import { DATE_FORMAT, toYmd } from '../../ui/dates';
import { errorText } from '../../ui/errors';

const t = vi.serviceReport;
type Line = ServiceReport['byField'][number];
type RatingLine = ServiceReport['ratingsByField'][number];

const timeColumns = [
  { title: t.name, dataIndex: 'name', key: 'name' },
  { title: t.count, key: 'wc', render: (l: Line) => l.waiting.count },
  { title: t.waitingMedian, key: 'wm', render: (l: Line) => t.minutes(l.waiting.medianMs) },
  { title: t.waitingMean, key: 'wa', render: (l: Line) => t.minutes(l.waiting.meanMs) },
  { title: t.serviceMedian, key: 'sm', render: (l: Line) => t.minutes(l.service.medianMs) },
  { title: t.serviceMean, key: 'sa', render: (l: Line) => t.minutes(l.service.meanMs) },
];
const ratingColumns = [
  { title: t.name, dataIndex: 'name', key: 'name' },
  { title: SATISFACTION_LEVEL_NAMES.very_satisfied, key: 'vs', render: (l: RatingLine) => l.counts.very_satisfied },
  { title: SATISFACTION_LEVEL_NAMES.satisfied, key: 's', render: (l: RatingLine) => l.counts.satisfied },
  { title: SATISFACTION_LEVEL_NAMES.dissatisfied, key: 'd', render: (l: RatingLine) => l.counts.dissatisfied },
  { title: t.total, dataIndex: 'total', key: 'total' },
  { title: t.satisfied, key: 'p', render: (l: RatingLine) => t.percent(l.satisfiedPercent) },
];

export function ServiceTab() {
  const dataVersion = useNavigation((s) => s.dataVersion);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [nowDayjs(), nowDayjs()]);
  const [data, setData] = useState<ServiceReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const from = toYmd(range[0])!;
  const to = toYmd(range[1])!;

  useEffect(() => {
    let cancelled = false;
    call('ratings.serviceReport', { from, to })
      .then((r) => {
        if (cancelled) return;
        setData(r);
        setError(null);
      })
      .catch((err: unknown) => !cancelled && setError(errorText(err)));
    return () => {
      cancelled = true;
    };
  }, [from, to, dataVersion]);

  const table = (title: string, testId: string, rows: readonly object[], columns: object[]) => (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      <Table data-testid={testId} size="small" pagination={false} rowKey="key" dataSource={rows as never[]} columns={columns as never[]} locale={{ emptyText: t.none }} />
    </Card>
  );

  return (
    <div data-testid="service-report">
      <Space style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker format={DATE_FORMAT} allowClear={false} value={range} onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])} aria-label={t.title} />
      </Space>
      <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            {(
              [
                ['taken', t.taken, data.tickets.taken],
                ['served', t.served, data.tickets.served],
                ['waiting', t.waitingMedian, t.minutes(data.waiting.medianMs)],
                ['service', t.serviceMedian, t.minutes(data.service.medianMs)],
                ['ratings', t.ratings, data.ratings.total],
                ['satisfied', t.satisfied, t.percent(data.ratings.satisfiedPercent)],
              ] as const
            ).map(([id, title, value]) => (
              <Col flex="1 1 0" key={id}>
                <Card size="small">
                  <Statistic title={title} value={value} valueRender={() => <span data-testid={`service-${id}`}>{value}</span>} />
                </Card>
              </Col>
            ))}
          </Row>
          {table(t.byField, 'service-by-field', data.byField, timeColumns)}
          {table(t.byOfficer, 'service-by-officer', data.byOfficer, timeColumns)}
          {table(t.ratingsByOfficer, 'ratings-by-officer', data.ratingsByOfficer, ratingColumns)}
          {table(t.ratingsByField, 'ratings-by-field', data.ratingsByField, ratingColumns)}
          {table(
            t.perHour,
            'service-per-hour',
            data.perHour.map((h) => ({ key: String(h.hour), hour: t.hour(h.hour), tickets: h.tickets })),
            [
              { title: t.perHour, dataIndex: 'hour', key: 'hour' },
              { title: t.tickets, dataIndex: 'tickets', key: 'tickets' },
            ],
          )}
        </>
      )}
    </div>
  );
}
