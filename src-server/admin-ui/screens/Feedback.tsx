/**
 * Phản ánh, kiến nghị: what citizens raised in each commune and how the commune answered, over a
 * chosen period; choosing a commune lists its feedback.
 */
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateVi } from '@shared/domain/text';
import type { FeedbackCommuneRow, FeedbackItemRow, FeedbackStatus } from '@shared/hub-admin/feedback';
import { vi } from '../i18n/vi';
import { callAdmin } from '../stores/session';
import { PeriodField, usePeriod } from '../ui/period';
import { useLoad } from '../ui/useLoad';

const STATUS_COLOR: Record<FeedbackStatus, string> = { answered_on_time: 'green', answered_late: 'orange', open: 'blue', overdue: 'red' };

export function Feedback() {
  const t = vi.feedback;
  const period = usePeriod();
  const [chosen, setChosen] = useState<FeedbackCommuneRow | null>(null);
  const { input, deps } = period;
  const communes = useLoad(() => callAdmin('reports.feedback', { input }), deps);
  const items = useLoad(
    async () => (chosen ? (await callAdmin('communes.feedback', { params: { code: chosen.communeCode }, input })).items : []),
    [...deps, chosen?.communeCode],
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card title={t.title}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <PeriodField label={t.period} period={period} />
          <Typography.Text type="secondary">{t.explain}</Typography.Text>
          <Table<FeedbackCommuneRow>
            rowKey="communeCode"
            size="middle"
            data-testid="feedback-communes"
            loading={communes.loading}
            dataSource={communes.data?.communes ?? []}
            locale={communes.error ? { emptyText: communes.error } : undefined}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t.commune, render: (_, r) => r.communeName },
              { title: t.received, dataIndex: 'received', align: 'right' },
              { title: t.answered, dataIndex: 'answered', align: 'right' },
              { title: t.answeredOnTime, dataIndex: 'answeredOnTime', align: 'right' },
              { title: t.overdueOpen, dataIndex: 'overdueOpen', align: 'right' },
              {
                title: t.list,
                render: (_, r) => (
                  <Button size="small" disabled={r.received === 0} onClick={() => setChosen(r)}>
                    {t.show}
                  </Button>
                ),
              },
            ]}
          />
        </Space>
      </Card>
      {chosen && (
        <Card title={t.listTitle(chosen.communeName)}>
          <Table<FeedbackItemRow>
            rowKey="id"
            size="middle"
            data-testid="feedback-items"
            loading={items.loading}
            dataSource={items.data ?? []}
            locale={{ emptyText: items.error ?? t.empty }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t.receivedAt, width: 120, render: (_, r) => formatDateVi(r.receivedAt) },
              { title: t.channel, width: 170, render: (_, r) => t.channels[r.channel] },
              { title: t.content, dataIndex: 'summary' },
              { title: t.dueAt, width: 120, render: (_, r) => formatDateVi(r.dueAt) },
              { title: t.status, width: 200, render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t.statuses[r.status]}</Tag> },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
