/**
 * Today's citizens' ratings on Tổng quan: the share satisfied or very satisfied, and the count per
 * level. Shown only once a citizen has rated today, so an office without a rating tablet sees
 * nothing new.
 */
import { Card, Col, Row, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { SATISFACTION_LEVELS, SATISFACTION_LEVEL_NAMES } from '@shared/domain/satisfaction';
import type { RpcOutput } from '@shared/rpc';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';

const t = vi.satisfactionToday;

export function SatisfactionToday({ refreshKey }: { refreshKey: unknown }) {
  const [data, setData] = useState<RpcOutput<'ratings.today'> | null>(null);

  useEffect(() => {
    let cancelled = false;
    call('ratings.today', {})
      .then((r) => !cancelled && setData(r))
      .catch((err: unknown) => console.error('ratings.today failed', err));
    return () => {
      cancelled = true;
    };
  }, [refreshKey]);

  if (!data || data.total === 0) return null;
  return (
    <Row gutter={12} wrap={false} data-testid="satisfaction-today">
      <Col flex="1 1 0">
        <Card size="small" className="kpi-card">
          <Statistic
            title={t.title}
            value={vi.serviceReport.percent(data.satisfiedPercent)}
            valueRender={() => <span data-testid="kpi-satisfied">{vi.serviceReport.percent(data.satisfiedPercent)}</span>}
          />
          <div className="muted">{t.detail(data.total)}</div>
        </Card>
      </Col>
      {SATISFACTION_LEVELS.map((l) => (
        <Col flex="1 1 0" key={l}>
          <Card size="small" className="kpi-card">
            <Statistic title={SATISFACTION_LEVEL_NAMES[l]} value={data.counts[l]} valueRender={() => <span data-testid={`kpi-rating-${l}`}>{data.counts[l]}</span>} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
