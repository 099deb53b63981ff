/**
 * Shown over the app while core holds the session locked: the work stays behind it, only the
 * officer's password opens it. It says why it is locked: the idle time, or the officer's own click.
 */
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { vi } from '../i18n/vi';
import { errorText } from '../ui/errors';
import { useSession } from '../stores/session';

export function LockScreen() {
  const { officer, lockReason, unlock, signOut } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ password: string }>();

  async function submit(v: { password: string }) {
    setError(null);
    try {
      await unlock(v.password);
      form.resetFields();
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <Modal open title={vi.lock.title} closable={false} footer={null} mask={{ closable: false }} keyboard={false} styles={{ mask: { backdropFilter: 'blur(8px)' } }}>
      <Typography.Paragraph data-testid="lock-hint">{lockReason === 'manual' ? vi.lock.hintManual : vi.lock.hint}</Typography.Paragraph>
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
