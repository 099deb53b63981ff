/**
 * Đồng bộ, the scanned papers on their way to the province: pages waiting, bytes sent of this
 * pass, the page being sent, and the bandwidth cap (an administrator sets it; the upload reads it
 * as it runs). While a pass is sending, the status is asked for every second so the bar moves.
 */
import { App, Button, Card, Descriptions, Form, InputNumber, Progress, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { SyncStatus } from '@shared/rpc/sync';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { useSyncStatus } from '../../stores/syncStatus';
import { errorText } from '../../ui/errors';

const t = vi.syncFiles;
const POLL_MS = 1_000;

function sizeText(bytes: number): string {
  const fmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${fmt.format(bytes / 1024)} KB`;
  return `${fmt.format(bytes / 1024 / 1024)} MB`;
}

export function FilesPanel({ status, isAdmin }: { status: SyncStatus; isAdmin: boolean }) {
  const refresh = useSyncStatus((s) => s.refresh);
  const { files } = status;
  const sending = files.current !== null || (status.state === 'syncing' && files.bytesTotal > 0);

  useEffect(() => {
    if (!sending) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [sending, refresh]);

  const percent = files.bytesTotal > 0 ? Math.floor((100 * files.bytesSent) / files.bytesTotal) : 0;
  return (
    <Card size="small" title={t.title} data-testid="sync-files">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t.waiting}>
          <span data-testid="sync-files-waiting">{files.waiting}</span>
        </Descriptions.Item>
        {files.bytesTotal > 0 && (
          <Descriptions.Item label={t.sent}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <span data-testid="sync-files-bytes">{t.sentOf(sizeText(files.bytesSent), sizeText(files.bytesTotal))}</span>
              <Progress percent={percent} size="small" aria-label={t.sent} />
            </Space>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t.current}>
          <span data-testid="sync-files-current">
            {files.current ? `${t.currentFile(files.current.itemName, files.current.dossierCode)} (${sizeText(files.current.bytesSent)} / ${sizeText(files.current.size)})` : t.none}
          </span>
        </Descriptions.Item>
      </Descriptions>
      {isAdmin && <UploadLimitForm />}
    </Card>
  );
}

function UploadLimitForm() {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ uploadLimitKbps: number }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('settings.get', {})
      .then((s) => form.setFieldsValue({ uploadLimitKbps: s.uploadLimitKbps }))
      .catch((err) => message.error(errorText(err)));
  }, [form, message]);

  async function save(v: { uploadLimitKbps: number }) {
    setBusy(true);
    try {
      await call('settings.update', { uploadLimitKbps: v.uploadLimitKbps });
      message.success(t.limitSaved);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="inline" name="upload-limit" onFinish={save} data-testid="upload-limit-form">
      <Form.Item name="uploadLimitKbps" label={t.limit} extra={t.limitHint} rules={[{ required: true }]}>
        <InputNumber min={0} max={1_000_000} step={500} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" loading={busy}>
          {t.limitSave}
        </Button>
      </Form.Item>
    </Form>
  );
}
