/** Từ chối tiếp nhận: the reason, then core records the refusal and Mẫu 03 is previewed. */
import { Form, Input, Modal, Typography } from 'antd';
import { vi } from '../../i18n/vi';

interface Props {
  open: boolean;
  busy: boolean;
  onCancel(): void;
  onSubmit(reason: string): void;
}

export function RejectDialog({ open, busy, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={vi.intake.rejectTitle}
      okText={vi.intake.reject}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={vi.common.cancel}
      onCancel={onCancel}
      onOk={() => form.validateFields().then((v) => onSubmit(v.reason))}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" data-testid="reject-hint">
        {vi.intake.rejectHint}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} name="reject">
        <Form.Item name="reason" label={vi.intake.rejectReason} rules={[{ required: true, whitespace: true, message: vi.setup.required }]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
