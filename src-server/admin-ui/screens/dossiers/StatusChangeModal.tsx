/**
 * Records the province's processing status (or result) of one dossier, after an explicit
 * confirmation: the change goes down to the commune at its next pull and into the DVCQG export.
 */
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { DOSSIER_STATUSES, type DossierStatus } from '@shared/dossier';
import type { DossierSearchRow } from '@shared/hub-admin/api';
import { vi } from '../../i18n/vi';
import { callAdmin, useSession } from '../../stores/session';

interface Fields {
  status: DossierStatus;
  officer: string;
  note?: string;
}

export function StatusChangeModal(props: { dossier: DossierSearchRow | undefined; onClose(): void; onChanged(): void }) {
  const { dossier } = props;
  const { message, modal } = App.useApp();
  const username = useSession((s) => s.session?.username ?? '');
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (dossier) form.setFieldsValue({ status: dossier.status, officer: username, note: undefined });
  }, [dossier, form, username]);

  const record = async (target: DossierSearchRow, fields: Fields) => {
    setBusy(true);
    try {
      await callAdmin('dossiers.recordStatus', {
        params: { id: target.id },
        input: {
          status: fields.status,
          officer: fields.officer.trim(),
          ...(fields.note?.trim() ? { note: fields.note.trim() } : {}),
        },
      });
      message.success(vi.statusChange.done(target.code));
      props.onChanged();
    } catch (err) {
      message.error(err instanceof Error ? err.message : vi.errors.unexpected);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (!dossier) return;
    const fields = await form.validateFields();
    modal.confirm({
      title: vi.statusChange.confirmTitle,
      content: vi.statusChange.confirmBody(dossier.code, vi.statusLabels[fields.status]),
      okText: vi.common.confirm,
      cancelText: vi.common.cancel,
      onOk: () => record(dossier, fields),
    });
  };

  return (
    <Modal
      title={dossier ? vi.statusChange.title(dossier.code) : ''}
      open={dossier !== undefined}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={vi.statusChange.submit}
      cancelText={vi.common.cancel}
      confirmLoading={busy}
      forceRender
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="status" label={vi.statusChange.newStatus} rules={[{ required: true, message: vi.login.required }]}>
          <Select options={DOSSIER_STATUSES.map((s) => ({ value: s, label: vi.statusLabels[s] }))} />
        </Form.Item>
        <Form.Item name="officer" label={vi.statusChange.officer} rules={[{ required: true, whitespace: true, message: vi.login.required }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={vi.statusChange.note}>
          <Input.TextArea maxLength={2000} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
