/**
 * Whether scanned papers are being read for the search (core/scans/ocr), and how many pages wait.
 * Where Tesseract is not installed (a Windows PC without it) this says so in plain words: OCR is
 * off, nothing else is affected. Refreshed while open, so the officer sees the queue go down.
 */
import { Alert, Descriptions, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { RpcOutput } from '@shared/rpc';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';

const t = vi.scansOcr;
const REFRESH_MS = 10_000;

export function OcrStatusPanel() {
  const [status, setStatus] = useState<RpcOutput<'scans.ocrStatus'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    const load = () =>
      call('scans.ocrStatus', {})
        .then((s) => alive && (setStatus(s), setError(null)))
        .catch((err: unknown) => alive && setError(errorText(err)));
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);

  return (
    <div data-testid="ocr-status" style={{ marginTop: 32, maxWidth: 760 }}>
      <Typography.Title level={2} className="title-size-4">{t.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {status?.state === 'off' && <Alert type="warning" showIcon title={`${t.off}: ${status.reason ?? ''}`} description={t.offHint} style={{ marginBottom: 12 }} />}
      {status?.state === 'running' && <Alert type="success" showIcon title={t.running} style={{ marginBottom: 12 }} />}
      {status?.state === 'starting' && <Alert type="info" showIcon title={t.starting} style={{ marginBottom: 12 }} />}
      {status && (
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t.pending}>{`${status.pending} ${t.pages}`}</Descriptions.Item>
          <Descriptions.Item label={t.done}>{`${status.done} ${t.pages}`}</Descriptions.Item>
          <Descriptions.Item label={t.failed}>{`${status.failed} ${t.pages}`}</Descriptions.Item>
          {status.failed > 0 && status.lastError && <Descriptions.Item label={t.lastError} span={3}>{status.lastError}</Descriptions.Item>}
        </Descriptions>
      )}
    </div>
  );
}
