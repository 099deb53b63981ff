/** Registers a commune (xã/phường) at the province: its agency code and name. */
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { vi } from '../../i18n/vi';
import { callAdmin } from '../../stores/session';

interface Fields {
  code: string;
  name: string;
}

export function CreateCommuneModal(props: { open: boolean; onClose(): void; onCreated(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const fields = await form.validateFields();
    setBusy(true);
    try {
      const created = await callAdmin('communes.create', { input: { code: fields.code.trim(), name: fields.name.trim() } });
      message.success(vi.communes.created(created.name));
      form.resetFields();
      props.onCreated();
    } catch (err) {
      message.error(err instanceof Error ? err.message : vi.errors.unexpected);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={vi.communes.create}
      open={props.open}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={vi.communes.create}
      cancelText={vi.common.cancel}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="code"
          label={vi.communes.code}
          extra={vi.communes.codeHint}
          rules={[
            { required: true, message: vi.login.required },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9.-]*$/, message: vi.communes.codeInvalid },
          ]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="name" label={vi.communes.name} rules={[{ required: true, message: vi.login.required }]}>
          <Input maxLength={200} placeholder={vi.communes.namePlaceholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
