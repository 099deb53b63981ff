/**
 * The loud warning that the device clock cannot be trusted: appointment dates computed from it
 * are wrong. An administrator may allow printing anyway, with a reason (audited by core).
 */
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { formatDateTimeVi } from '@shared/domain/text';
import type { SyncStatus } from '@shared/rpc/sync';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { useSyncStatus } from '../../stores/syncStatus';
import { errorText, showFieldErrors } from '../../ui/errors';

const t = vi.sync;

export function ClockAlert({ status, isAdmin }: { status: SyncStatus; isAdmin: boolean }) {
  const { message, modal } = App.useApp();
  const setStatus = useSyncStatus((s) => s.set);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const override = status.clockOverride;

  function submit({ reason }: { reason: string }) {
    modal.confirm({
      title: t.override.replace('…', ''),
      content: t.overrideConfirm,
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          setStatus(await call('sync.overrideClock', { reason }));
          setOpen(false);
          form.resetFields();
          message.success(t.overrideDone);
        } catch (err) {
          showFieldErrors(form, err);
          message.error(errorText(err));
        }
      },
    });
  }

  return (
    <>
      <Alert
        type="error"
        showIcon
        className="clock-alert"
        data-testid="clock-warning"
        title={t.clockTitle}
        description={
          <>
            <div>{status.clockWarning}</div>
            <div>{override ? t.clockOverridden(override.officerName, formatDateTimeVi(override.at), override.reason) : t.clockBlocked}</div>
          </>
        }
        action={
          isAdmin &&
          !override && (
            <Button danger onClick={() => setOpen(true)}>
              {t.override}
            </Button>
          )
        }
      />
      <Modal open={open} title={t.override.replace('…', '')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={vi.common.next} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} name="clock-override">
          <Form.Item name="reason" label={t.overrideReason} rules={[{ required: true, min: 10, message: t.overrideReason }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
