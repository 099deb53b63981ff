/**
 * Kết thúc ngày: what the counter did on one day — received, refused, returned, fees — by
 * procedure and by officer. The page itself is the print: the shell hides around it (styles.css).
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { formatDateVi, formatDong } from '@shared/domain/text';
import type { RpcOutput } from '@shared/rpc';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { useNavigation } from '../../stores/navigation';
import { useSession } from '../../stores/session';
import { DATE_FORMAT, toYmd } from '../../ui/dates';
import { errorText } from '../../ui/errors';
import { nowDayjs } from '../../ui/clock';

const t = vi.reports;
type Closing = RpcOutput<'reports.dailyClosing'>;

export function DailyClosingTab() {
  const dataVersion = useNavigation((s) => s.dataVersion);
  const office = useSession((s) => s.office);
  const [date, setDate] = useState<Dayjs>(() => nowDayjs());
  const [data, setData] = useState<Closing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ymd = toYmd(date)!;

  useEffect(() => {
    let cancelled = false;
    call('reports.dailyClosing', { date: ymd })
      .then((r) => {
        if (cancelled) return;
        setData(r);
        setError(null);
      })
      .catch((err) => !cancelled && setError(errorText(err)));
    return () => {
      cancelled = true;
    };
  }, [ymd, dataVersion]);

  return (
    <div data-testid="daily-closing">
      <div className="screen-head no-print">
        <Space>
          <span>{t.date}</span>
          <DatePicker format={DATE_FORMAT} allowClear={false} value={date} onChange={(d) => d && setDate(d)} aria-label={t.date} />
        </Space>
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t.printNow}
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <div className="print-sheet">
          <Typography.Title level={2} className="title-size-4" style={{ marginTop: 0 }}>
            {t.dailyTitle} — <span className="dyn">{formatDateVi(data.date)}</span>
          </Typography.Title>
          <Typography.Paragraph type="secondary">{office?.name}</Typography.Paragraph>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            {(
              [
                ['received', t.received, data.received],
                ['rejected', t.rejected, data.rejected],
                ['returned', t.returned, data.returned],
                ['solved', t.solved, t.solvedBreakdown(data.solved.total, data.solved.onTime, data.solved.late)],
                ['fees', t.fees, formatDong(data.feesTotal)],
              ] as const
            ).map(([id, title, value]) => (
              <Col flex="1 1 0" key={id}>
                <Card size="small">
                  <Statistic title={title} value={value} valueRender={() => <span data-testid={`closing-${id}`}>{value}</span>} />
                </Card>
              </Col>
            ))}
          </Row>
          {data.solved.lateApologised > 0 && (
            <Typography.Paragraph type="secondary">
              {t.solvedLate}: {data.solved.late} — {t.solvedLateApologised} {data.solved.lateApologised}
            </Typography.Paragraph>
          )}
          <Row gutter={12}>
            <Col span={15}>
              <Typography.Title level={3} className="title-size-5">{t.byProcedure}</Typography.Title>
              <Table
                size="small"
                rowKey="procedureCode"
                pagination={false}
                dataSource={data.byProcedure}
                locale={{ emptyText: t.noneToday }}
                columns={[
                  { title: t.procedureCode, dataIndex: 'procedureCode', width: 110 },
                  { title: t.procedureName, dataIndex: 'procedureName' },
                  { title: t.count, dataIndex: 'received', width: 90, align: 'right' },
                  { title: t.fees, dataIndex: 'fees', width: 130, align: 'right', render: (f: number) => formatDong(f) },
                ]}
              />
            </Col>
            <Col span={9}>
              <Typography.Title level={3} className="title-size-5">{t.byOfficer}</Typography.Title>
              <Table
                size="small"
                rowKey="officer"
                pagination={false}
                dataSource={data.byOfficer}
                locale={{ emptyText: t.noneToday }}
                columns={[
                  { title: t.officer, dataIndex: 'officer' },
                  { title: t.count, dataIndex: 'received', width: 90, align: 'right' },
                ]}
              />
            </Col>
          </Row>
        </div>
      )}
    </div>
  );
}
