/**
 * Officers of the office: an administrator adds them, disables or re-enables them and resets a
 * forgotten password (passwords follow core's policy; a reset must be replaced at next sign-in).
 */
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { OfficerAccount } from '@shared/rpc/officers';
import { ROLES, type Role } from '@shared/rpc/row';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { useSession } from '../../stores/session';
import { errorText, showFieldErrors } from '../../ui/errors';

const t = vi.settings;
interface NewOfficer {
  fullName: string;
  username: string;
  password: string;
  role: Role;
}

export function OfficersPanel() {
  const { message, modal } = App.useApp();
  const me = useSession((s) => s.officer);
  const [form] = Form.useForm<NewOfficer>();
  const [resetForm] = Form.useForm<{ password: string }>();
  const [items, setItems] = useState<OfficerAccount[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [resetting, setResetting] = useState<OfficerAccount | null>(null);

  useEffect(() => {
    call('officers.list', {})
      .then((r) => setItems(r.items))
      .catch((err) => setError(errorText(err)));
  }, [reload]);

  async function create(v: NewOfficer) {
    setError(null);
    try {
      await call('officers.create', v);
      message.success(`${t.created}: ${v.fullName}`);
      form.resetFields();
      setReload((n) => n + 1);
    } catch (err) {
      showFieldErrors(form, err);
      setError(errorText(err));
    }
  }

  async function setActive(o: OfficerAccount, active: boolean) {
    setError(null);
    try {
      await call('officers.setActive', { id: o.id, active });
      message.success(`${active ? t.enabled : t.disabled}: ${o.fullName}`);
      setReload((n) => n + 1);
    } catch (err) {
      setError(errorText(err));
    }
  }

  function confirmDisable(o: OfficerAccount) {
    modal.confirm({ title: t.disable, content: t.confirmDisable(o.fullName), okText: t.disable, okButtonProps: { danger: true }, cancelText: vi.common.cancel, onOk: () => setActive(o, false) });
  }

  async function reset(v: { password: string }) {
    if (!resetting) return;
    try {
      await call('officers.resetPassword', { id: resetting.id, password: v.password });
      message.success(`${t.resetDone}: ${resetting.fullName}`);
      setResetting(null);
      resetForm.resetFields();
      setReload((n) => n + 1);
    } catch (err) {
      if (showFieldErrors(resetForm, err).length > 0) setError(errorText(err));
    }
  }

  const required = [{ required: true, message: vi.setup.required }];
  return (
    <div data-testid="officers">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<OfficerAccount>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        columns={[
          { title: vi.setup.fullName, dataIndex: 'fullName' },
          { title: vi.setup.username, dataIndex: 'username', width: 160 },
          { title: t.role, dataIndex: 'role', width: 120, render: (r: Role) => vi.shell.roles[r] },
          {
            title: '',
            key: 'state',
            width: 170,
            render: (_: unknown, o) => (
              <Space size={4} wrap>
                <Tag color={o.active ? 'green' : 'default'}>{o.active ? t.active : t.inactive}</Tag>
                {o.mustChangePassword && <Tag color="orange">{t.mustChange}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            key: 'actions',
            width: 240,
            render: (_: unknown, o) =>
              o.id === me?.id ? null : (
                <Space size={4}>
                  {o.active ? (
                    <Button size="small" danger onClick={() => confirmDisable(o)}>
                      {t.disable}
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => void setActive(o, true)}>
                      {t.enable}
                    </Button>
                  )}
                  <Button size="small" onClick={() => setResetting(o)}>
                    {t.resetPassword}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Form form={form} layout="inline" onFinish={(v) => void create(v)} style={{ marginTop: 16, rowGap: 8 }} initialValues={{ role: 'officer' }} name="new-officer">
        <Form.Item name="fullName" rules={required}>
          <Input placeholder={vi.setup.fullName} aria-label={vi.setup.fullName} />
        </Form.Item>
        <Form.Item name="username" rules={required}>
          <Input placeholder={vi.setup.username} aria-label={vi.setup.username} autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" rules={required} extra={vi.setup.passwordHint}>
          <Input.Password placeholder={vi.setup.password} aria-label={vi.setup.password} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role">
          <Select style={{ width: 130 }} aria-label={t.role} options={ROLES.map((r) => ({ value: r, label: vi.shell.roles[r] }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t.createOfficer}
        </Button>
      </Form>
      <Modal open={resetting !== null} title={resetting ? t.resetTitle(resetting.fullName) : ''} okText={t.resetPassword} cancelText={vi.common.cancel} onOk={() => resetForm.submit()} onCancel={() => setResetting(null)} destroyOnHidden>
        <Alert type="info" showIcon title={t.resetHint} style={{ marginBottom: 12 }} />
        <Form form={resetForm} layout="vertical" onFinish={(v) => void reset(v)} name="reset-password">
          <Form.Item name="password" label={vi.password.next} rules={required} extra={resetting?.role === 'admin' ? vi.setup.adminPasswordHint : vi.setup.passwordHint}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
