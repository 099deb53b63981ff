/** First run: the office's identity, then its administrator, in one transaction at the end. */
import { Alert, Button, Card, Form, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import { vi } from '../i18n/vi';
import { agencyCodeProblem } from '@shared/rpc/setup';
import { call, fieldErrors, RpcError } from '../rpc/client';
import { useSession } from '../stores/session';
import { passwordLengthRule } from '../ui/password-length';

interface OfficeForm {
  name: string;
  governingBody: string;
  agencyCode: string;
  province: string;
  address?: string;
  phone?: string;
}
interface AdminForm {
  setupCode?: string;
  fullName: string;
  username: string;
  password: string;
  confirm: string;
}

const t = vi.setup;
const required = [{ required: true, message: t.required }];

export function SetupWizard() {
  const [step, setStep] = useState(0);
  const [officeForm] = Form.useForm<OfficeForm>();
  const [adminForm] = Form.useForm<AdminForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const boot = useSession((s) => s.boot);
  const setupCodeRequired = useSession((s) => s.setupCodeRequired);

  async function finish(admin: AdminForm) {
    setBusy(true);
    setError(null);
    try {
      const office = officeForm.getFieldsValue(true) as OfficeForm;
      await call('setup.initialize', {
        ...(admin.setupCode ? { setupCode: admin.setupCode } : {}),
        office: { ...office, address: office.address || undefined, phone: office.phone || undefined },
        admin: { username: admin.username, password: admin.password, fullName: admin.fullName },
      });
      setStep(2);
    } catch (err) {
      const fields = fieldErrors(err);
      const adminFields = Object.entries(fields).filter(([k]) => k.startsWith('admin.'));
      adminForm.setFields(adminFields.map(([k, m]) => ({ name: k.slice(6) as keyof AdminForm, errors: [m] })));
      if (fields.setupCode) adminForm.setFields([{ name: 'setupCode', errors: [fields.setupCode] }]);
      const officeFields = Object.entries(fields).filter(([k]) => k.startsWith('office.'));
      if (officeFields.length) {
        officeForm.setFields(officeFields.map(([k, m]) => ({ name: k.slice(7) as keyof OfficeForm, errors: [m] })));
        setStep(0);
      }
      setError(err instanceof RpcError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="centered-page">
      <Card style={{ width: 640 }} title={<Typography.Title level={1} className="title-size-3" style={{ margin: 0 }}>{t.title}</Typography.Title>}>
        <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
        <Steps current={step} items={[{ title: t.stepOffice }, { title: t.stepAdmin }, { title: t.stepDone }]} style={{ marginBottom: 24 }} />
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}

        <Form form={officeForm} layout="vertical" hidden={step !== 0} onFinish={() => setStep(1)} name="office">
          <Form.Item name="governingBody" label={t.governingBody} rules={required} extra={t.governingBodyHint}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="name" label={t.officeName} rules={required} extra={t.officeNameHint}>
            <Input />
          </Form.Item>
          <Form.Item
            name="agencyCode"
            label={t.agencyCode}
            extra={t.agencyCodeHint}
            // Checked as typed with core's own rule, so a wrong code is said here, not after the last step.
            rules={[
              ...required,
              {
                validator: async (_r, v: string | undefined) => {
                  const problem = v?.trim() ? agencyCodeProblem(v) : null;
                  if (problem) throw new Error(problem);
                },
              },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="province" label={t.province} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="address" label={t.address}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t.phone}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {vi.common.next}
          </Button>
        </Form>

        <Form form={adminForm} layout="vertical" hidden={step !== 1} onFinish={finish} name="admin">
          {setupCodeRequired && (
            <Form.Item name="setupCode" label={t.setupCode} rules={required} extra={t.setupCodeHint}>
              <Input autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="fullName" label={t.fullName} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="username" label={t.username} rules={required}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t.password} rules={[...required, passwordLengthRule(true)]} extra={t.adminPasswordHint}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t.passwordConfirm}
            dependencies={['password']}
            rules={[
              ...required,
              ({ getFieldValue }) => ({
                validator: (_r, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t.passwordMismatch))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button onClick={() => setStep(0)} style={{ marginRight: 8 }}>
            {vi.common.back}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.finish}
          </Button>
        </Form>

        {step === 2 && (
          <>
            <Alert type="success" showIcon message={t.done} style={{ marginBottom: 16 }} />
            <Button type="primary" onClick={() => void boot()} autoFocus>
              {vi.login.submit}
            </Button>
          </>
        )}
      </Card>
    </main>
  );
}
