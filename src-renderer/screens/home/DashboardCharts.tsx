/** Received / finished by field this month, and received / finished / late over twelve months (recharts). */
import { Card, Col, Empty, Row } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '@shared/rpc/reports';
import { vi } from '../../i18n/vi';

const t = vi.home;
const HEIGHT = 196;
const COLORS = { received: '#1d5fb4', finished: '#52c41a', onTime: '#13a8a8', late: '#cf1322' };

/** '2026-11' → '11/26': twelve labels must fit under a half-width chart. */
function monthLabel(key: string): string {
  const [y, m] = key.split('-');
  return `${m}/${y?.slice(2)}`;
}

export function DashboardCharts({ data }: { data: Dashboard }) {
  const months = data.byMonth.map((m) => ({ ...m, label: monthLabel(m.month) }));
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Card size="small" title={t.byField} data-testid="chart-by-field">
          {data.byField.length === 0 ? (
            <Empty description={t.noData} style={{ height: HEIGHT - 20 }} />
          ) : (
            <ResponsiveContainer width="100%" height={HEIGHT}>
              <BarChart data={data.byField} layout="vertical" margin={{ left: 8, right: 16 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Legend itemSorter={null} />
                <Bar dataKey="received" name={t.received} fill={COLORS.received} maxBarSize={16} isAnimationActive={false} />
                <Bar dataKey="finished" name={t.finished} fill={COLORS.finished} maxBarSize={16} isAnimationActive={false} />
                <Bar dataKey="onTime" name={t.onTime} fill={COLORS.onTime} maxBarSize={16} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </Card>
      </Col>
      <Col span={12}>
        <Card size="small" title={t.byMonth} data-testid="chart-by-month">
          <ResponsiveContainer width="100%" height={HEIGHT}>
            <BarChart data={months} margin={{ left: -16, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12, className: 'month-tick' }} interval={0} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend itemSorter={null} />
              <Bar dataKey="received" name={t.received} fill={COLORS.received} maxBarSize={16} isAnimationActive={false} />
              <Bar dataKey="finished" name={t.finished} fill={COLORS.finished} maxBarSize={16} isAnimationActive={false} />
              <Bar dataKey="late" name={t.late} fill={COLORS.late} maxBarSize={16} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Card>
      </Col>
    </Row>
  );
}
