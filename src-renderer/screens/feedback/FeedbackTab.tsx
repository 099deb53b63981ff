/**
 * Phản ánh, kiến nghị in Báo cáo: the month's counts (received, answered on time and late, still
 * open), the list to work from (open ones first, by due date), recording one heard at the desk,
 * and answering. Answers are final: what the citizen was told is not rewritten.
 */
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatDateTimeVi } from '@shared/domain/text';
import type { Feedback, FeedbackSummary } from '@shared/rpc/feedback';
import { FEEDBACK_CONTENT_MAX } from '@shared/rpc/feedback';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { now, nowDayjs } from '../../ui/clock';
import { errorText } from '../../ui/errors';
import { useSession } from '../../stores/session';

const t = vi.feedback;
type State = 'open' | 'answered' | 'all';

export function FeedbackTab() {
  const { message } = App.useApp();
  const [state, setState] = useState<State>('open');
  const [items, setItems] = useState<Feedback[]>([]);
  const [answerDays, setAnswerDays] = useState<number | null>(null);
  const isAdmin = useSession((s) => s.officer?.role === 'admin');
  const [newDays, setNewDays] = useState<number | null>(null);
  const [summary, setSummary] = useState<FeedbackSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [answering, setAnswering] = useState<Feedback | null>(null);
  const [recording, setRecording] = useState(false);
  const [answerForm] = Form.useForm<{ answer: string }>();
  const [recordForm] = Form.useForm<{ content: string; citizenName?: string; citizenPhone?: string }>();

  const load = useCallback(() => {
    const month = nowDayjs();
    Promise.all([
      call('feedback.list', { state }),
      call('feedback.summary', { from: month.startOf('month').format('YYYY-MM-DD'), to: month.endOf('month').format('YYYY-MM-DD') }),
    ])
      .then(([list, s]) => {
        setItems(list.items);
        setAnswerDays(list.answerDays);
        setSummary(s);
        setError(null);
      })
      .catch((err: unknown) => setError(errorText(err)));
  }, [state]);

  useEffect(load, [load]);

  async function answer(values: { answer: string }) {
    if (!answering) return;
    try {
      await call('feedback.answer', { id: answering.id, answer: values.answer });
      message.success(t.answered);
      setAnswering(null);
      answerForm.resetFields();
      load();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  /** The commune's own answer period: feedback already received keeps the due date it was given. */
  async function saveDays() {
    if (newDays === null) return;
    try {
      await call('settings.update', { feedbackAnswerDays: newDays });
      message.success(t.answerDaysSaved);
      setNewDays(null);
      load();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  async function record(values: { content: string; citizenName?: string; citizenPhone?: string }) {
    try {
      await call('feedback.record', { content: values.content, citizenName: values.citizenName ?? '', citizenPhone: values.citizenPhone ?? '' });
      message.success(t.recorded);
      setRecording(false);
      recordForm.resetFields();
      load();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  const nowIso = now().toISOString();
  return (
    <div data-testid="feedback-tab">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {summary && (
        <Row gutter={16} style={{ marginBottom: 16 }} data-testid="feedback-summary">
          {(Object.keys(t.summary) as (keyof FeedbackSummary)[]).map((k) => (
            <Col key={k}>
              <Card size="small">
                <Statistic title={t.summary[k]} value={summary[k]} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<State> value={state} onChange={setState} options={(['open', 'answered', 'all'] as const).map((s) => ({ value: s, label: t.states[s] }))} />
        <Button type="primary" onClick={() => setRecording(true)}>
          {t.record}
        </Button>
        {answerDays !== null && <Typography.Text type="secondary">{t.answerDays(answerDays)}</Typography.Text>}
        {isAdmin && answerDays !== null && (
          <Space.Compact>
            <InputNumber min={1} max={90} value={newDays ?? answerDays} onChange={(v) => setNewDays(v)} aria-label={t.answerDaysLabel} />
            <Button onClick={() => void saveDays()} disabled={newDays === null || newDays === answerDays}>
              {t.answerDaysSave}
            </Button>
          </Space.Compact>
        )}
      </Space>
      <Table<Feedback>
        rowKey="id"
        size="small"
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t.empty }}
        columns={[
          { title: t.receivedAt, dataIndex: 'receivedAt', width: 150, render: (v: string) => formatDateTimeVi(v) },
          { title: t.channel, dataIndex: 'channel', width: 90, render: (v: Feedback['channel']) => t.channels[v] },
          { title: t.citizen, width: 170, render: (_: unknown, f) => [f.citizenName ?? t.anonymous, f.citizenPhone].filter(Boolean).join(' · ') },
          {
            title: t.content,
            dataIndex: 'content',
            render: (v: string, f) => (
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{v}</div>
                {f.answer && (
                  <div style={{ whiteSpace: 'pre-wrap', marginTop: 6, color: '#1d5fb4' }}>
                    {t.answeredBy(f.answeredByName ?? '', formatDateTimeVi(f.answeredAt!))}: {f.answer}
                  </div>
                )}
              </>
            ),
          },
          {
            title: t.dueAt,
            dataIndex: 'dueAt',
            width: 160,
            render: (v: string, f) => (
              <>
                {formatDateTimeVi(v)} {!f.answeredAt && v < nowIso && <Tag color="red">{t.overdue}</Tag>}
              </>
            ),
          },
          {
            title: '',
            width: 100,
            render: (_: unknown, f) =>
              !f.answeredAt && (
                <Button size="small" onClick={() => setAnswering(f)} data-testid="feedback-answer">
                  {t.answer}
                </Button>
              ),
          },
        ]}
      />
      <Modal open={answering !== null} title={t.answer} onCancel={() => setAnswering(null)} onOk={() => answerForm.submit()} okText={t.answer} destroyOnHidden>
        {answering && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{answering.content}</Typography.Paragraph>}
        <Form form={answerForm} layout="vertical" onFinish={(v) => void answer(v)}>
          <Form.Item name="answer" label={t.answerLabel} rules={[{ required: true, min: 5, message: t.answerRequired }]}>
            <Input.TextArea rows={5} maxLength={4000} data-testid="feedback-answer-text" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={recording} title={t.record} onCancel={() => setRecording(false)} onOk={() => recordForm.submit()} okText={t.record} destroyOnHidden>
        <Form form={recordForm} layout="vertical" onFinish={(v) => void record(v)}>
          <Form.Item name="content" label={t.content} rules={[{ required: true, min: 5, message: t.contentRequired }]}>
            <Input.TextArea rows={5} maxLength={FEEDBACK_CONTENT_MAX} showCount />
          </Form.Item>
          <Form.Item name="citizenName" label={t.citizenName}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="citizenPhone" label={t.citizenPhone}>
            <Input maxLength={15} inputMode="tel" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
