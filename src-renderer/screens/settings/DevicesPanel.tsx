/**
 * Thiết bị công cộng: the administrator pairs a kiosk, a calling screen, a rating tablet, a lookup
 * kiosk or a procedure board with a six-digit code shown here, sees the paired ones, and revokes
 * one (its page stops at once). The code is shown once and never stored in the clear. A rating
 * tablet moved to another counter keeps its token: the administrator changes its counter here.
 */
import { Alert, App, Button, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Device } from '@shared/rpc/devices';
import { DEVICE_SCOPES, type DeviceScope } from '@shared/rpc/row';
import { formatDateTimeVi } from '@shared/domain/text';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText, showFieldErrors } from '../../ui/errors';
import { QueueFieldsPanel } from './QueueFieldsPanel';

const t = vi.devices;

interface NewDevice {
  scope: DeviceScope;
  label: string;
  counterNo?: number;
}

export function DevicesPanel() {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<NewDevice>();
  const scope = Form.useWatch('scope', form);
  const [items, setItems] = useState<Device[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [code, setCode] = useState<{ code: string; expiresAt: string; label: string } | null>(null);

  useEffect(() => {
    call('devices.list', {})
      .then((r) => setItems(r.items))
      .catch((err) => setError(errorText(err)));
  }, [reload]);

  async function start(v: NewDevice) {
    setError(null);
    try {
      const r = await call('devices.startPairing', { scope: v.scope, label: v.label, counterNo: v.scope === 'rating' ? (v.counterNo ?? null) : null });
      setCode({ ...r, label: v.label });
      form.resetFields(['label', 'counterNo']);
    } catch (err) {
      showFieldErrors(form, err);
      setError(errorText(err));
    }
  }

  function confirmRevoke(d: Device) {
    modal.confirm({
      title: t.revoke,
      content: t.confirmRevoke(d.label),
      okText: t.revoke,
      okButtonProps: { danger: true },
      cancelText: vi.common.cancel,
      onOk: async () => {
        try {
          await call('devices.revoke', { id: d.id });
          message.success(`${t.revoked}: ${d.label}`);
          setReload((n) => n + 1);
        } catch (err) {
          setError(errorText(err));
        }
      },
    });
  }

  function changeCounter(d: Device) {
    let next: number | null = d.counterNo;
    modal.confirm({
      title: t.changeCounterTitle(d.label),
      content: (
        <Space direction="vertical">
          <span>{t.changeCounterHint}</span>
          <InputNumber
            autoFocus
            min={1}
            max={99}
            defaultValue={d.counterNo ?? undefined}
            aria-label={t.newCounter}
            data-testid="device-new-counter"
            onChange={(v) => {
              next = typeof v === 'number' ? v : null;
            }}
          />
        </Space>
      ),
      okText: t.changeCounter,
      cancelText: vi.common.cancel,
      onOk: async () => {
        if (next === null) return;
        try {
          const moved = await call('devices.setCounter', { id: d.id, counterNo: next });
          message.success(t.counterChanged(moved.label, next));
          setReload((n) => n + 1);
        } catch (err) {
          setError(errorText(err));
        }
      },
    });
  }

  return (
    <div data-testid="devices" style={{ maxWidth: 980 }}>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="inline" name="pair-device" initialValues={{ scope: 'kiosk' }} onFinish={(v) => void start(v)} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item name="scope" label={t.scope}>
          <Select style={{ width: 220 }} aria-label={t.scope} options={DEVICE_SCOPES.map((s) => ({ value: s, label: t.scopes[s] }))} />
        </Form.Item>
        <Form.Item name="label" rules={[{ required: true, message: vi.setup.required }]}>
          <Input placeholder={t.label} aria-label={t.label} style={{ width: 240 }} />
        </Form.Item>
        {scope === 'rating' && (
          <Form.Item name="counterNo" rules={[{ required: true, message: vi.setup.required }]}>
            <InputNumber min={1} max={99} placeholder={t.counterNo} aria-label={t.counterNo} style={{ width: 120 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit">
          {t.startPairing}
        </Button>
      </Form>
      {code && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t.codeFor(code.label)}
          description={
            <Space direction="vertical" size={4}>
              <Typography.Text data-testid="pairing-code" strong style={{ fontSize: 32, letterSpacing: 8 }}>
                {code.code}
              </Typography.Text>
              <span>{t.codeHint(formatDateTimeVi(code.expiresAt))}</span>
            </Space>
          }
          closable
          onClose={() => setCode(null)}
        />
      )}
      <Table<Device>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t.empty }}
        columns={[
          { title: t.name, dataIndex: 'label' },
          { title: t.scope, dataIndex: 'scope', width: 180, render: (s: DeviceScope, d) => (d.counterNo ? `${t.scopes[s]} — ${t.counter(d.counterNo)}` : t.scopes[s]) },
          { title: t.pairedAt, dataIndex: 'pairedAt', width: 140, render: (at: string) => <span className="dyn">{formatDateTimeVi(at)}</span> },
          { title: t.lastSeenAt, dataIndex: 'lastSeenAt', width: 140, render: (at: string | null) => <span className="dyn">{at ? formatDateTimeVi(at) : '—'}</span> },
          { title: t.address, dataIndex: 'address', width: 130, render: (a: string | null) => a ?? t.thisPc },
          {
            title: '',
            key: 'state',
            width: 190,
            render: (_: unknown, d) =>
              d.revokedAt ? (
                <Tag>{t.revokedTag}</Tag>
              ) : (
                <Space size={4}>
                  {d.scope === 'rating' && (
                    <Button size="small" onClick={() => changeCounter(d)}>
                      {t.changeCounter}
                    </Button>
                  )}
                  <Button size="small" danger onClick={() => confirmRevoke(d)}>
                    {t.revoke}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <QueueFieldsPanel />
    </div>
  );
}
