/**
 * Tổng quan: who is at the counter, for which office, on which day — and what leaders watch:
 * today's and this month's counts, the QĐ 766 on-time rate, what is late or due soon, and the
 * trend by field and by month. Core pushes no event this screen listens to yet, so it refreshes
 * itself every minute, after any change made in this window, and on the button.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Dashboard } from '@shared/rpc/reports';
import { vi } from '../i18n/vi';
import { call } from '../rpc/client';
import { useNavigation } from '../stores/navigation';
import { useSession } from '../stores/session';
import { errorText } from '../ui/errors';
import { useInterval } from '../ui/useInterval';
import { DashboardCharts } from './home/DashboardCharts';
import { DueRevisions } from './home/DueRevisions';
import { KpiCards } from './home/KpiCards';
import { LateLists } from './home/LateLists';
import { SatisfactionToday } from './home/SatisfactionToday';
import { nowDayjs } from '../ui/clock';

const REFRESH_MS = 60_000;

export function Home() {
  const { office, officer } = useSession();
  const dataVersion = useNavigation((s) => s.dataVersion);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const today = nowDayjs();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await call('reports.dashboard', {}));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, dataVersion]);
  useInterval(() => void load(), REFRESH_MS);

  return (
    <div data-testid="home" className="dashboard">
      <div className="screen-head">
        <div>
          <Typography.Title level={1} className="title-size-2" style={{ margin: 0 }}>
            {office?.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            <span data-testid="today">{capitalize(today.format('dddd, [ngày] DD/MM/YYYY'))}</span>
            {' · '}
            {vi.home.greeting} {officer?.fullName}
            {office?.agencyCode && ` · ${vi.home.agencyCode}: ${office.agencyCode}`}
          </Typography.Text>
        </div>
        <Button icon={<ReloadOutlined aria-hidden />} loading={loading} onClick={() => void load()} data-testid="dashboard-refresh">
          {vi.home.refresh}
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {data && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <KpiCards data={data} />
          <SatisfactionToday refreshKey={data} />
          <DueRevisions />
          <LateLists data={data} />
          <DashboardCharts data={data} />
        </Space>
      )}
    </div>
  );
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}
