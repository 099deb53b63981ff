/**
 * Changing one's own password: the form alone when an administrator's reset demands it before
 * anything else, or in a dialog from the header when the officer chooses to.
 */
import { Alert, App, Button, Card, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { vi } from '../i18n/vi';
import { errorText, showFieldErrors } from '../ui/errors';
import { passwordLengthRule } from '../ui/password-length';
import { useSession } from '../stores/session';

const t = vi.password;
interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function PasswordForm({ onDone }: { onDone?: () => void }) {
  const changePassword = useSession((s) => s.changePassword);
  const officer = useSession((s) => s.officer);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const required = [{ required: true, message: vi.setup.required }];

  async function submit(v: Values) {
    setBusy(true);
    setError(null);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      message.success(t.changed);
      form.resetFields();
      onDone?.();
    } catch (err) {
      if (showFieldErrors(form, err).length > 0 || !form.getFieldsError().some((f) => f.errors.length > 0)) setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} name="change-password">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="currentPassword" label={t.current} rules={required}>
        <Input.Password autoFocus autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t.next} rules={[...required, passwordLengthRule(officer?.role === 'admin')]} extra={officer?.role === 'admin' ? vi.setup.adminPasswordHint : vi.setup.passwordHint}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t.confirm}
        dependencies={['newPassword']}
        rules={[
          ...required,
          ({ getFieldValue }) => ({
            validator: (_r, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(vi.setup.passwordMismatch))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t.submit}
      </Button>
    </Form>
  );
}

/** The whole page, when a new password is required before anything else. */
export function ForcedPasswordChange() {
  const signOut = useSession((s) => s.signOut);
  return (
    <main className="centered-page">
      <Card style={{ width: 440 }} data-testid="forced-password-change">
        <Typography.Title level={1} className="title-size-4">
          {t.forcedTitle}
        </Typography.Title>
        <Typography.Paragraph>{t.forcedIntro}</Typography.Paragraph>
        <PasswordForm />
        <Button type="link" onClick={() => void signOut()} style={{ paddingLeft: 0, marginTop: 8 }}>
          {vi.shell.logout}
        </Button>
      </Card>
    </main>
  );
}

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} title={t.change} footer={null} onCancel={onClose} destroyOnHidden>
      <PasswordForm onDone={onClose} />
    </Modal>
  );
}
