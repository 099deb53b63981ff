/**
 * Thông tin cơ quan: what forms print as the office. An administrator corrects it here after setup
 * (office.update, audited); the agency code is shown but fixed, since every dossier code begins
 * with it.
 */
import { Alert, Button, Descriptions, Form, Input, Space } from 'antd';
import { useState } from 'react';
import type { Office } from '@shared/rpc';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { useSession } from '../../stores/session';
import { errorText, showFieldErrors } from '../../ui/errors';

const t = vi.settings;
const required = [{ required: true, whitespace: true, message: vi.setup.required }];
type OfficeValues = Omit<Office, 'agencyCode'>;

export function OfficePanel({ office, isAdmin }: { office: Office; isAdmin: boolean }) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<OfficeValues>();

  async function save(v: OfficeValues) {
    setBusy(true);
    setError(null);
    try {
      const updated = await call('office.update', { ...v, address: v.address || undefined, phone: v.phone || undefined, place: v.place || undefined });
      useSession.setState({ office: updated });
      setEditing(false);
    } catch (err) {
      showFieldErrors(form, err);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  if (editing) {
    return (
      <Form form={form} layout="vertical" initialValues={office} onFinish={(v) => void save(v)} name="office" style={{ maxWidth: 620 }}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="governingBody" label={vi.setup.governingBody} rules={required}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="name" label={vi.setup.officeName} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item label={vi.setup.agencyCode} extra={vi.officeEdit.agencyCodeFixed}>
          <Input value={office.agencyCode} disabled />
        </Form.Item>
        <Form.Item name="province" label={vi.setup.province} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="place" label={t.place}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label={vi.setup.address}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={vi.setup.phone}>
          <Input />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {vi.officeEdit.save}
          </Button>
          <Button onClick={() => setEditing(false)}>{vi.common.cancel}</Button>
        </Space>
      </Form>
    );
  }

  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 220 } }}
        style={{ maxWidth: 820 }}
        items={[
          { key: 'gov', label: vi.setup.governingBody, children: office.governingBody },
          { key: 'name', label: vi.setup.officeName, children: office.name },
          { key: 'code', label: vi.setup.agencyCode, children: office.agencyCode },
          { key: 'province', label: vi.setup.province, children: office.province },
          { key: 'place', label: t.place, children: office.place },
          { key: 'address', label: vi.setup.address, children: <span data-testid="office-address">{office.address ?? '—'}</span> },
          { key: 'phone', label: vi.setup.phone, children: office.phone ?? '—' },
        ]}
      />
      {isAdmin && (
        <Button style={{ marginTop: 12 }} onClick={() => setEditing(true)}>
          {vi.officeEdit.edit}
        </Button>
      )}
    </>
  );
}
