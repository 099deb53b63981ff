/**
 * Lĩnh vực nhận số thứ tự: the fields the kiosk offers (hộ tịch, chứng thực, đất đai…) and the
 * counters that serve each, set by an administrator. A field removed here stops being offered;
 * its old tickets keep their name.
 */
import { Alert, App, Button, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText, showFieldErrors } from '../../ui/errors';

const t = vi.queueFields;

interface FieldRow {
  id?: string;
  name: string;
  counters: (number | string)[];
}

export function QueueFieldsPanel() {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ fields: FieldRow[] }>();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('queue.fields', {})
      .then((r) => form.setFieldsValue({ fields: r.items.filter((f) => f.active).map(({ id, name, counters }) => ({ id, name, counters })) }))
      .catch((err: unknown) => setError(errorText(err)));
  }, [form]);

  async function save(v: { fields: FieldRow[] }) {
    setError(null);
    try {
      const fields = v.fields.map((f) => ({ ...(f.id ? { id: f.id } : {}), name: f.name, counters: f.counters.map(Number).filter((n) => Number.isInteger(n)) }));
      const r = await call('queue.saveFields', { fields });
      form.setFieldsValue({ fields: r.items.filter((f) => f.active).map(({ id, name, counters }) => ({ id, name, counters })) });
      message.success(t.saved);
    } catch (err) {
      showFieldErrors(form, err);
      setError(errorText(err));
    }
  }

  return (
    <div data-testid="queue-fields" style={{ marginTop: 32 }}>
      <Typography.Title level={2} className="title-size-4">{t.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} name="queue-fields" onFinish={(v) => void save(v)} initialValues={{ fields: [] }}>
        <Form.List name="fields">
          {(items, { add, remove }) => (
            <>
              {items.map(({ key, name }) => (
                <Space key={key} align="start" style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[name, 'name']} rules={[{ required: true, message: vi.setup.required }]}>
                    <Input placeholder={t.name} aria-label={t.name} style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'counters']} rules={[{ required: true, message: t.countersRequired }]}>
                    <Select mode="tags" placeholder={t.counters} aria-label={t.counters} style={{ width: 260 }} tokenSeparators={[',', ' ']} open={false} />
                  </Form.Item>
                  <Button onClick={() => remove(name)}>{t.remove}</Button>
                </Space>
              ))}
              <Space>
                <Button onClick={() => add({ name: '', counters: [] })}>{t.add}</Button>
                <Button type="primary" htmlType="submit">
                  {t.save}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </div>
  );
}
