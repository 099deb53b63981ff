/** Sign-in; also the lock screen's form when `lockedAs` is given. */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { vi } from '../i18n/vi';
import { RpcError } from '../rpc/client';
import { useSession } from '../stores/session';

export function Login() {
  const signIn = useSession((s) => s.signIn);
  const office = useSession((s) => s.office);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(v: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.username, v.password);
    } catch (err) {
      setError(err instanceof RpcError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="centered-page">
      <Card style={{ width: 400 }}>
        <Typography.Title level={3}>{vi.appName}</Typography.Title>
        {office && <Typography.Paragraph type="secondary">{office.name}</Typography.Paragraph>}
        <Typography.Title level={5}>{vi.login.title}</Typography.Title>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} name="login">
          <Form.Item name="username" label={vi.login.username} rules={[{ required: true, message: vi.setup.required }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={vi.login.password} rules={[{ required: true, message: vi.setup.required }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {vi.login.submit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
