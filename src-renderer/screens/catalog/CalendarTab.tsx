/**
 * The working calendar by year, with the notices it rests on: settled years ship confirmed, a
 * year the government has not decided yet is a draft the administrator confirms against its
 * notice; until then appointment dates in that year print as "dự kiến".
 */
import { App, Button, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { WorkingCalendar } from '@shared/domain/calendar/types';
import { formatDateTimeVi, formatDateVi, weekdayNameOfYmd } from '@shared/domain/text';
import { vi } from '../../i18n/vi';
import { forOfficials } from './catalog-text';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';
import { now } from '../../ui/clock';

const t = vi.calendar;

export function CalendarTab({ isAdmin }: { isAdmin: boolean }) {
  const { modal, message } = App.useApp();
  const [calendar, setCalendar] = useState<WorkingCalendar | null>(null);
  const [year, setYear] = useState<number>(() => now().getFullYear());
  const [draftYear, setDraftYear] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('calendar.get', {})
      .then((c) => {
        setCalendar(c);
        const last = Math.max(...c.years.map((y) => y.year));
        setDraftYear(last + 1);
      })
      .catch((err) => setError(errorText(err)));
  }, []);

  const current = calendar?.years.find((y) => y.year === year);

  function confirmYear() {
    modal.confirm({
      title: `${t.confirm} ${year}`,
      content: t.confirmBody,
      okText: t.confirm,
      cancelText: vi.common.cancel,
      onOk: async () => {
        try {
          setCalendar(await call('calendar.confirmYear', { year }));
          message.success(`${t.confirmed} ${year}`);
        } catch (err) {
          setError(errorText(err));
        }
      },
    });
  }

  async function draft() {
    if (!draftYear) return;
    try {
      const c = await call('calendar.draftYear', { year: draftYear });
      setCalendar(c);
      setYear(draftYear);
      setDraftYear(Math.max(...c.years.map((y) => y.year)) + 1);
      message.success(`${t.drafted} ${draftYear}`);
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <div data-testid="calendar-admin">
      <Space wrap style={{ marginBottom: 8 }}>
        <span>{t.year}</span>
        <Select
          aria-label={t.year}
          value={year}
          onChange={setYear}
          style={{ width: 200 }}
          options={(calendar?.years ?? []).map((y) => ({ value: y.year, label: `${y.year} — ${t.status[y.status]}` }))}
        />
        {current && <Tag color={current.status === 'confirmed' ? 'green' : 'orange'}>{t.status[current.status]}</Tag>}
        {current?.confirmedAt && (
          <Typography.Text type="secondary">
            {t.confirmedBy}: {current.confirmedBy ?? '—'} · {formatDateTimeVi(current.confirmedAt)}
          </Typography.Text>
        )}
        {isAdmin && current?.status === 'draft' && (
          <Button type="primary" onClick={confirmYear}>
            {t.confirm} {year}
          </Button>
        )}
        {isAdmin && (
          <Space.Compact>
            <InputNumber aria-label={t.draft} min={2000} max={2199} value={draftYear} onChange={setDraftYear} style={{ width: 100 }} />
            <Button onClick={() => void draft()}>{t.draft}</Button>
          </Space.Compact>
        )}
      </Space>
      {error && (
        <Typography.Paragraph type="danger" style={{ marginBottom: 8 }}>
          {error}
        </Typography.Paragraph>
      )}
      {current && (
        <div style={{ marginBottom: 8 }} data-testid="calendar-sources">
          {current.sources.length > 0 && (
            <Typography.Text type="secondary">
              {t.sources}: {current.sources.map(forOfficials).join('; ')}
            </Typography.Text>
          )}
          <div className="muted">{t.settledNote}</div>
        </div>
      )}
      <Table
        size="small"
        rowKey="date"
        pagination={false}
        scroll={{ y: 380 }}
        dataSource={[
          ...(current?.holidays ?? []).map((h) => ({ date: h.date, name: h.name, kind: t.kind[h.kind] ?? h.kind, ref: forOfficials(h.legalRef ?? '') })),
          ...(current?.makeupWorkdays ?? []).map((m) => ({ date: m.date, name: m.name, kind: t.makeup, ref: forOfficials(m.legalRef ?? '') })),
        ].sort((a, b) => a.date.localeCompare(b.date))}
        columns={[
          { title: t.date, dataIndex: 'date', width: 190, render: (d: string) => `${weekdayNameOfYmd(d)}, ${formatDateVi(d)}` },
          { title: t.name, dataIndex: 'name' },
          { title: t.kindLabel, dataIndex: 'kind', width: 130 },
          { title: vi.catalog.legalBasis, dataIndex: 'ref', width: 260, ellipsis: true },
        ]}
      />
    </div>
  );
}
