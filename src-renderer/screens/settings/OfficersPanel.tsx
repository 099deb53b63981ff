/** Officers of the office; an administrator adds them (passwords follow core's policy). */
import { Alert, App, Button, Form, Input, Select, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { RpcOutput } from '@shared/rpc';
import { ROLES, type Role } from '@shared/rpc/row';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText, showFieldErrors } from '../../ui/errors';

const t = vi.settings;
type Officer = RpcOutput<'officers.list'>['items'][number];
interface NewOfficer {
  fullName: string;
  username: string;
  password: string;
  role: Role;
}

export function OfficersPanel() {
  const { message } = App.useApp();
  const [form] = Form.useForm<NewOfficer>();
  const [items, setItems] = useState<Officer[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

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

  const required = [{ required: true, message: vi.setup.required }];
  return (
    <div data-testid="officers">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<Officer>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        columns={[
          { title: vi.setup.fullName, dataIndex: 'fullName' },
          { title: vi.setup.username, dataIndex: 'username', width: 180 },
          { title: t.role, dataIndex: 'role', width: 140, render: (r: Role) => vi.shell.roles[r] },
          { title: '', dataIndex: 'active', width: 150, render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? t.active : t.inactive}</Tag> },
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
    </div>
  );
}
