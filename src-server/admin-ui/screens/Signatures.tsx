/**
 * Chữ ký số: check any signed PDF (a commune's bản sao điện tử, a result) against the province's
 * trust list, and manage that list (the CA certificates the province accepts).
 */
import { Alert, Button, Card, Descriptions, Input, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { VerificationResult } from '@shared/rpc/signing';
import { vi } from '../i18n/vi';
import { adminApi } from '../stores/session';
import { when } from '../ui/format';
import { useLoad } from '../ui/useLoad';

const t = vi.signatures;
type Anchor = { sha256: string; subject: string; notAfter: string; addedAt: string };
const STATUS_COLOR = { valid: 'green', warning: 'gold', invalid: 'red', unsigned: 'default' } as const;
const CHECK_COLOR = { ok: 'green', warn: 'gold', fail: 'red' } as const;

function fileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}

export function Signatures() {
  const anchors = useLoad(() => adminApi<{ items: Anchor[] }>('GET', '/v1/admin/signatures/trust-list'), []);
  const [result, setResult] = useState<VerificationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pem, setPem] = useState('');
  const pdfInput = useRef<HTMLInputElement>(null);

  const verify = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await adminApi<VerificationResult>('POST', '/v1/admin/signatures/verify', { body: { pdf: await fileBase64(file) } }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      anchors.reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Card title={t.verifyTitle}>
        <input ref={pdfInput} type="file" accept="application/pdf,.pdf" hidden data-testid="hub-verify-file" onChange={(e) => {
            // Cleared so picking the same file again checks it again.
            const file = e.target.files?.[0];
            e.target.value = '';
            void verify(file);
          }} />
        <Button type="primary" loading={busy} onClick={() => pdfInput.current?.click()}>
          {t.pick}
        </Button>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
        {result && (
          <div data-testid="hub-verify-result" style={{ marginTop: 12 }}>
            <Alert type={result.status === 'valid' ? 'success' : result.status === 'warning' ? 'warning' : result.status === 'invalid' ? 'error' : 'info'} showIcon title={t.status[result.status]} description={result.summary} />
            {result.signatures.map((s) => (
              <div key={s.index} style={{ marginTop: 12 }}>
                <Descriptions
                  size="small"
                  bordered
                  column={1}
                  items={[
                    { key: 'st', label: t.result, children: <Tag color={STATUS_COLOR[s.status]}>{t.status[s.status]}</Tag> },
                    { key: 'who', label: t.signer, children: `${s.signerName ?? '—'}${s.organisation ? ` — ${s.organisation}` : ''}` },
                    { key: 'ca', label: t.issuer, children: s.issuerName ?? '—' },
                    { key: 'at', label: t.signedAt, children: when(s.timestampAt ?? s.claimedAt) },
                  ]}
                />
                <List
                  size="small"
                  dataSource={s.checks}
                  renderItem={(c) => (
                    <List.Item>
                      <Space>
                        <Tag color={CHECK_COLOR[c.result]}>{t.check[c.result]}</Tag>
                        {c.message}
                      </Space>
                    </List.Item>
                  )}
                />
              </div>
            ))}
          </div>
        )}
      </Card>
      <Card title={t.trustTitle}>
        <Typography.Paragraph type="secondary">{t.trustHint}</Typography.Paragraph>
        <Table<Anchor>
          rowKey="sha256"
          size="small"
          loading={anchors.loading}
          dataSource={anchors.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: anchors.error ?? t.trustEmpty }}
          columns={[
            { title: t.issuer, dataIndex: 'subject' },
            { title: t.until, width: 160, render: (_, a) => when(a.notAfter) },
            {
              title: '',
              width: 140,
              render: (_, a) => (
                <Popconfirm title={t.removeConfirm} onConfirm={() => void act(() => adminApi('POST', `/v1/admin/signatures/trust-list/${a.sha256}/remove`))}>
                  <Button size="small" danger>
                    {t.remove}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Input.TextArea rows={4} value={pem} onChange={(e) => setPem(e.target.value)} placeholder="-----BEGIN CERTIFICATE-----" aria-label={t.paste} />
          <Button disabled={pem.trim().length < 100} onClick={() => void act(async () => { await adminApi('POST', '/v1/admin/signatures/trust-list', { body: { certificate: pem } }); setPem(''); })}>
            {t.add}
          </Button>
        </Space>
      </Card>
    </Space>
  );
}
