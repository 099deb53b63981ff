/** Hướng dẫn bổ sung before any receipt: what is missing, then Mẫu 02 is previewed (no dossier). */
import { Form, Modal } from 'antd';
import { useEffect } from 'react';
import { vi } from '../../i18n/vi';
import { SupplementFields, type SupplementValues } from '../print/SupplementFields';

interface Props {
  open: boolean;
  initialItems: SupplementValues['items'];
  onCancel(): void;
  onSubmit(values: SupplementValues): void;
}

export function GuideDialog({ open, initialItems, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<SupplementValues>();
  useEffect(() => {
    if (open) form.setFieldsValue({ items: [], reason: '' });
  }, [open, initialItems, form]);
  return (
    <Modal
      open={open}
      title={vi.intake.guideTitle}
      okText={vi.supplement.print}
      cancelText={vi.common.cancel}
      onCancel={onCancel}
      onOk={() => form.validateFields().then(onSubmit)}
      width={760}
      forceRender
    >
      <Form form={form} layout="vertical" name="guide">
        <SupplementFields suggestions={initialItems} />
      </Form>
    </Modal>
  );
}
