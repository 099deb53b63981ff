/** Shown over the app after idle time: the work stays behind it, only the password opens it. */
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { vi } from '../i18n/vi';
import { RpcError } from '../rpc/client';
import { useSession } from '../stores/session';

export function LockScreen() {
  const { officer, unlock, signOut } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ password: string }>();

  async function submit(v: { password: string }) {
    setError(null);
    try {
      await unlock(v.password);
      form.resetFields();
    } catch (err) {
      setError(err instanceof RpcError ? err.message : String(err));
    }
  }

  return (
    <Modal open title={vi.lock.title} closable={false} footer={null} mask={{ closable: false }} keyboard={false} styles={{ mask: { backdropFilter: 'blur(8px)' } }}>
      <Typography.Paragraph>{vi.lock.hint}</Typography.Paragraph>
      <Typography.Paragraph strong>{officer?.fullName}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} onFinish={submit} layout="vertical" name="unlock">
        <Form.Item name="password" label={vi.login.password} rules={[{ required: true, message: vi.setup.required }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" style={{ marginRight: 8 }}>
          {vi.lock.unlock}
        </Button>
        <Button onClick={() => void signOut()}>{vi.lock.switchUser}</Button>
      </Form>
    </Modal>
  );
}
