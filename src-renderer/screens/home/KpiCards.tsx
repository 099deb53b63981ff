/** The dashboard's headline numbers, one card each. */
import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { Dashboard } from '@shared/rpc/reports';
import { vi } from '../../i18n/vi';
import { formatPercentVi } from '../../ui/dates';

const t = vi.home;

function Kpi({ id, title, value, extra, danger }: { id: string; title: ReactNode; value: string | number; extra?: string; danger?: boolean }) {
  return (
    <Col flex="1 1 0">
      <Card size="small" className="kpi-card">
        <Statistic
          title={title}
          value={value}
          valueRender={() => (
            <span data-testid={`kpi-${id}`} style={danger ? { color: '#cf1322' } : undefined}>
              {value}
            </span>
          )}
        />
        {extra && <div className="muted">{extra}</div>}
      </Card>
    </Col>
  );
}

export function KpiCards({ data }: { data: Dashboard }) {
  const rate = data.onTimeRate === null ? '—' : formatPercentVi(data.onTimeRate);
  return (
    <Row gutter={12} wrap={false}>
      <Kpi id="received-today" title={t.receivedToday} value={data.today.received} />
      <Kpi id="returned-today" title={t.returnedToday} value={data.today.returned} />
      <Kpi id="received-month" title={t.receivedMonth} value={data.month.received} />
      <Kpi id="returned-month" title={t.returnedMonth} value={data.month.returned} />
      <Kpi
        id="on-time-rate"
        title={<Tooltip title={`${t.onTimeHint}. ${t.solvedRule}`}>{t.onTimeRate}</Tooltip>}
        value={rate}
        extra={`QĐ 766 · ${data.month.onTime}/${data.month.finished} ${t.onTimeOf}${data.month.lateApologised > 0 ? ` · ${t.lateApologised(data.month.lateApologised)}` : ''}`}
      />
      <Kpi
        id="overdue"
        title={t.overdueCount}
        value={data.overdueCount}
        danger={data.overdueCount > 0}
        {...(data.overdueApologised > 0 ? { extra: t.overdueApologised(data.overdueApologised) } : {})}
      />
    </Row>
  );
}
