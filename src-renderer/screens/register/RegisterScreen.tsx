/**
 * Sổ theo dõi hồ sơ: the dossiers received in a period (default this month) on screen, and the
 * register itself (Mẫu 07) printed by core for the same period.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { formatDateVi } from '@shared/domain/text';
import type { DossierSummary } from '@shared/rpc/dossiers';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { useNavigation } from '../../stores/navigation';
import { usePrintPreview } from '../../stores/printPreview';
import { DATE_FORMAT, toYmd } from '../../ui/dates';
import { errorText } from '../../ui/errors';
import { StatusTag } from '../../ui/StatusTag';
import { useViewportHeight } from '../../ui/useViewportHeight';
import { nowDayjs } from '../../ui/clock';

const t = vi.register;
/** The screen is a check before printing, not the register itself: cap what it holds in memory. */
const MAX_ROWS = 2000;

export function RegisterScreen() {
  const { message } = App.useApp();
  const height = useViewportHeight();
  const { openDossier, dataVersion } = useNavigation();
  const showPreview = usePrintPreview((s) => s.show);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [nowDayjs().startOf('month'), nowDayjs().endOf('month')]);
  const [rows, setRows] = useState<DossierSummary[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const from = toYmd(range[0])!;
    const to = toYmd(range[1])!;
    setLoading(true);
    void (async () => {
      try {
        const all: DossierSummary[] = [];
        let cursor: string | undefined;
        do {
          const page = await call('dossiers.search', { from, to, limit: 500, cursor });
          all.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor && all.length < MAX_ROWS && !cancelled);
        if (cancelled) return;
        // Oldest first, as the register is written.
        setRows(all.reverse());
        setTruncated(Boolean(cursor));
      } catch (err) {
        if (!cancelled) message.error(errorText(err));
      } finally {
        if (!cancelled) setLoading(false);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [range, dataVersion, message]);

  return (
    <div data-testid="register">
      <div className="screen-head">
        <Typography.Title level={1} className="title-size-3" style={{ margin: 0 }}>
          {t.title}
        </Typography.Title>
        <Space>
          <span>{t.period}</span>
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            allowClear={false}
            value={range}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            aria-label={t.period}
          />
          <Button
            type="primary"
            icon={<PrinterOutlined aria-hidden />}
            onClick={() => showPreview({ form: 'mau07', details: { period: { from: toYmd(range[0])!, to: toYmd(range[1])! } } })}
          >
            {t.print}
          </Button>
        </Space>
      </div>
      <Table<DossierSummary>
        virtual
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1090, y: Math.max(240, height - 64 - 48 - 56 - 40 - 40) }}
        onRow={(r) => ({ onClick: () => openDossier({ id: r.id }), className: 'clickable-row', 'data-testid': 'register-row' })}
        columns={[
          { title: 'TT', key: 'n', width: 48, render: (_: unknown, _r, i) => i + 1 },
          { title: vi.dossiers.code, dataIndex: 'code', width: 210, render: (c: string) => <span className="mono">{c}</span> },
          { title: vi.dossiers.procedure, dataIndex: 'procedureName', ellipsis: true, width: 270 },
          { title: vi.dossiers.applicant, dataIndex: 'applicantName', width: 190, ellipsis: true },
          { title: vi.dossiers.receivedAt, dataIndex: 'receivedAt', width: 100, render: (v: string) => <span className="dyn">{formatDateVi(v)}</span> },
          { title: vi.dossiers.dueAt, dataIndex: 'dueAt', width: 100, render: (v: string) => <span className="dyn">{formatDateVi(v)}</span> },
          { title: vi.dossiers.status, dataIndex: 'status', width: 172, ellipsis: true, render: (s: DossierSummary['status'], r) => <StatusTag status={s} overdue={r.overdue} /> },
        ]}
      />
      <Typography.Text type="secondary" data-testid="register-total">
        {t.total}: {rows.length}
        {truncated ? ` — ${t.truncated}` : ''}
      </Typography.Text>
    </div>
  );
}
