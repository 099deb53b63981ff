/** The administrator's part of Ký số: token library, timestamp server, seal image, trust list. */
import { Alert, Button, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatDateVi } from '@shared/domain/text';
import type { SigningSettings } from '@shared/rpc/signing';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';
import { readFileBase64 } from './readFile';

const t = vi.signing;
type Anchor = { sha256: string; subject: string; notAfter: string; addedAt: string };

export function SigningAdmin() {
  const [settings, setSettings] = useState<SigningSettings | null>(null);
  const [anchors, setAnchors] = useState<Anchor[]>([]);
  const [modulePath, setModulePath] = useState('');
  const [tsaUrl, setTsaUrl] = useState('');
  const [pem, setPem] = useState('');
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const sealInput = useRef<HTMLInputElement>(null);
  const certInput = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      const s = await call('signing.settings', {});
      setSettings(s);
      setModulePath(s.modulePath ?? '');
      setTsaUrl(s.tsaUrl ?? '');
      setAnchors((await call('signing.trustList', {})).items);
    } catch (err) {
      setMessage({ type: 'error', text: errorText(err) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      setMessage({ type: 'success', text: ok });
      await load();
    } catch (err) {
      setMessage({ type: 'error', text: errorText(err) });
    }
  };

  const addCertificate = (text: string) =>
    run(async () => {
      await call('signing.addTrustAnchor', { certificate: text });
      setPem('');
    }, t.trustAdd);

  return (
    <div data-testid="signing-admin">
      <Typography.Title level={2} className="section-title title-size-5">
        {t.settingsTitle}
      </Typography.Title>
      {message && <Alert type={message.type} showIcon title={message.text} closable onClose={() => setMessage(null)} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" style={{ maxWidth: 720 }} onFinish={() => void run(() => call('signing.updateSettings', { modulePath: modulePath.trim() || null, tsaUrl: tsaUrl.trim() || null }), t.saved)}>
        <Form.Item label={t.modulePath} extra={t.modulePathHint} htmlFor="signing-module-path">
          <Input id="signing-module-path" value={modulePath} onChange={(e) => setModulePath(e.target.value)} data-testid="signing-module-path" />
        </Form.Item>
        <Form.Item label={t.tsaUrl} extra={t.tsaHint} htmlFor="signing-tsa-url">
          <Input id="signing-tsa-url" value={tsaUrl} onChange={(e) => setTsaUrl(e.target.value)} placeholder="http://…" data-testid="signing-tsa-url" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t.save}
        </Button>
      </Form>

      <Typography.Title level={2} className="section-title title-size-5">
        {t.seal}
      </Typography.Title>
      <Space wrap>
        <Tag color={settings?.sealSha256 ? 'green' : 'default'}>{settings?.sealSha256 ? t.sealSet : t.sealNone}</Tag>
        <input
          ref={sealInput}
          type="file"
          accept="image/png"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void run(async () => call('signing.setSeal', { png: await readFileBase64(f) }), t.sealSet);
          }}
        />
        <Button onClick={() => sealInput.current?.click()}>{t.sealPick}</Button>
        {settings?.sealSha256 && (
          <Popconfirm title={t.sealRemove} onConfirm={() => void run(() => call('signing.setSeal', { png: null }), t.sealNone)}>
            <Button danger>{t.sealRemove}</Button>
          </Popconfirm>
        )}
        <Typography.Text type="secondary">{t.sealHint}</Typography.Text>
      </Space>

      <Typography.Title level={2} className="section-title title-size-5">
        {t.trust}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.trustHint}</Typography.Paragraph>
      {anchors.length === 0 && <Alert type="warning" showIcon title={t.trustEmpty} style={{ marginBottom: 8 }} />}
      <Table
        size="small"
        pagination={false}
        rowKey="sha256"
        dataSource={anchors}
        data-testid="trust-list"
        columns={[
          { title: t.trustSubject, dataIndex: 'subject' },
          { title: t.trustUntil, dataIndex: 'notAfter', width: 140, render: (v: string) => formatDateVi(v) },
          {
            title: '',
            width: 180,
            render: (_: unknown, a: Anchor) => (
              <Popconfirm title={t.trustRemoveConfirm} onConfirm={() => void run(() => call('signing.removeTrustAnchor', { sha256: a.sha256 }), t.trustRemove)}>
                <Button size="small" danger>
                  {t.trustRemove}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Form layout="vertical" style={{ maxWidth: 720, marginTop: 12 }} onFinish={() => void addCertificate(pem)}>
        <Form.Item label={t.trustPaste}>
          <Input.TextArea rows={4} value={pem} onChange={(e) => setPem(e.target.value)} placeholder="-----BEGIN CERTIFICATE-----" data-testid="trust-pem" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" disabled={pem.trim().length < 100}>
            {t.trustAdd}
          </Button>
          <Button onClick={() => certInput.current?.click()}>{t.trustPick}</Button>
        </Space>
      </Form>
      {/* Outside the form: antd's form styles show file inputs (display: block) despite `hidden`. */}
      <input
        ref={certInput}
        type="file"
        accept=".cer,.crt,.pem,.der"
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void readFileBase64(f).then((b64) => addCertificate(atob(b64).includes('BEGIN CERTIFICATE') ? atob(b64) : b64));
        }}
      />
    </div>
  );
}
