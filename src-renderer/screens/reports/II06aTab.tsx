/** Biểu II.06a for a chosen period: on screen, printed by core (PDF), or exported as CSV / Excel. */
import { FileExcelOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Segmented, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { II06a } from '@shared/rpc/reports';
import { formatDateTimeVi } from '@shared/domain/text';
import { vi } from '../../i18n/vi';
import { call, RpcError } from '../../rpc/client';
import { useNavigation } from '../../stores/navigation';
import { usePrintPreview } from '../../stores/printPreview';
import { DATE_FORMAT, toYmd } from '../../ui/dates';
import { downloadBase64 } from '../../ui/download';
import { errorText } from '../../ui/errors';
import { II06aTable } from './II06aTable';
import { presetRange, PRESETS, type Preset, type Range } from './periods';
import { nowDayjs } from '../../ui/clock';

const t = vi.reports;

/** FORBIDDEN reaches an officer whose role changed since sign-in: say it in the counter's words. */
function reportError(err: unknown): string {
  return err instanceof RpcError && err.code === 'FORBIDDEN' ? t.forbidden : errorText(err);
}

export function II06aTab() {
  const { message } = App.useApp();
  const dataVersion = useNavigation((s) => s.dataVersion);
  const showPreview = usePrintPreview((s) => s.show);
  const [preset, setPreset] = useState<Preset>('month');
  const [range, setRange] = useState<Range>(() => presetRange('month', nowDayjs()));
  const [report, setReport] = useState<II06a | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const period = { from: toYmd(range[0])!, to: toYmd(range[1])! };

  useEffect(() => {
    let cancelled = false;
    call('reports.ii06a', { from: period.from, to: period.to })
      .then((r) => {
        if (cancelled) return;
        setReport(r);
        setError(null);
      })
      .catch((err) => !cancelled && setError(reportError(err)));
    return () => {
      cancelled = true;
    };
  }, [period.from, period.to, dataVersion]);

  function choose(p: Preset) {
    setPreset(p);
    if (p !== 'custom') setRange(presetRange(p, nowDayjs()));
  }

  async function exportAs(format: 'csv' | 'xlsx') {
    setExporting(format);
    try {
      const file = await call('reports.exportII06a', { ...period, format });
      downloadBase64(file.fileName, file.mimeType, file.base64);
      message.success(`${t.exported}: ${file.fileName}`);
    } catch (err) {
      message.error(reportError(err));
    } finally {
      setExporting(null);
    }
  }

  return (
    <div data-testid="ii06a">
      <div className="screen-head">
        <Space wrap>
          <span>{t.period}</span>
          <Segmented<Preset>
            value={preset}
            onChange={choose}
            options={PRESETS.map((p) => ({ value: p, label: t.presets[p] }))}
            aria-label={t.period}
          />
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            allowClear={false}
            value={range}
            disabled={preset !== 'custom'}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            aria-label={t.period}
          />
        </Space>
        <Space>
          <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => showPreview({ form: 'report_ii06a', details: { period } })}>
            {t.print}
          </Button>
          <Button icon={<FileTextOutlined aria-hidden />} loading={exporting === 'csv'} onClick={() => void exportAs('csv')}>
            {t.csv}
          </Button>
          <Button icon={<FileExcelOutlined aria-hidden />} loading={exporting === 'xlsx'} onClick={() => void exportAs('xlsx')}>
            {t.xlsx}
          </Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="ii06a-error" />}
      {report && (
        <>
          <div className="report-caption">
            <Typography.Text strong>{t.formTitle.toUpperCase()}</Typography.Text>
            <Typography.Text type="secondary">
              <span className="dyn">{report.periodLabel}</span> · {t.unit}
            </Typography.Text>
          </div>
          <II06aTable report={report} />
          <div className="report-notes" data-testid="ii06a-notes">
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 4 }}>
              {vi.home.solvedRule} {t.asOf(formatDateTimeVi(report.asOf))}
            </Typography.Paragraph>
            <Typography.Text strong>{t.apart}: </Typography.Text>
            <Typography.Text>
              {t.lateApologised}: <span data-testid="ii06a-late-apologised">{report.total.resolvedLateApologised}</span> · {t.pendingApologised}:{' '}
              {report.total.pendingLateApologised} · {t.withdrawn}: {report.total.withdrawn} · {t.exceptions}:{' '}
              <span data-testid="ii06a-exceptions">{report.total.exceptions}</span>
            </Typography.Text>
          </div>
        </>
      )}
    </div>
  );
}
