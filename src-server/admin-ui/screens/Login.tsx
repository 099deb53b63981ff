/** Admin sign-in: HTTP Basic credentials checked against the hub before anything is shown. */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { vi } from '../i18n/vi';
import { useSession } from '../stores/session';

interface Fields {
  username: string;
  password: string;
}

export function Login() {
  const login = useSession((s) => s.login);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ username, password }: Fields) => {
    setBusy(true);
    setError(undefined);
    try {
      if (!(await login(username.trim(), password))) setError(vi.login.wrong);
    } catch (err) {
      setError(err instanceof Error ? err.message : vi.errors.unexpected);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <Card style={{ width: 380 }}>
        <Typography.Title level={4}>{vi.login.title}</Typography.Title>
        <Typography.Paragraph type="secondary">{vi.appTitle}</Typography.Paragraph>
        <Form<Fields> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={vi.login.username} rules={[{ required: true, message: vi.login.required }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={vi.login.password} rules={[{ required: true, message: vi.login.required }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {vi.login.submit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
