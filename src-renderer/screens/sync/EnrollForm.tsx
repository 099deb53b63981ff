/** An administrator enrols this device with the province hub: its address and a one-time code. */
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { vi } from '../../i18n/vi';
import { call, RpcError } from '../../rpc/client';
import { useSyncStatus } from '../../stores/syncStatus';
import { errorText, showFieldErrors } from '../../ui/errors';

const t = vi.sync;
interface Enrolment {
  hubUrl: string;
  code: string;
}

export function EnrollForm() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Enrolment>();
  const setStatus = useSyncStatus((s) => s.set);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function enroll(v: Enrolment) {
    setError(null);
    setBusy(true);
    try {
      setStatus(await call('sync.enroll', { hubUrl: v.hubUrl.trim(), code: v.code }));
      message.success(t.enrolled);
    } catch (err) {
      const unplaced = showFieldErrors(form, err);
      // Field issues show under their field; anything else (the hub refused, no network) goes on top.
      if (unplaced.length > 0 || !(err instanceof RpcError && err.code === 'INVALID_INPUT')) setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const required = [{ required: true, message: vi.setup.required }];
  return (
    <Card size="small" title={t.enrollTitle} style={{ maxWidth: 640 }} data-testid="enroll-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="enroll-error" />}
      <Form form={form} layout="vertical" onFinish={(v) => void enroll(v)} name="enroll" className="compact-form">
        <Form.Item name="hubUrl" label={t.hubUrl} extra={t.hubUrlHint} rules={required}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="code" label={t.code} extra={t.codeHint} rules={required}>
          <Input autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t.enroll}
        </Button>
      </Form>
    </Card>
  );
}
