/**
 * One lifecycle step on a dossier (dossiers.act), with what that step needs: who collected the
 * result, the new appointment and who signs the apology, what is missing… Steps that cannot be
 * undone (trả kết quả, dừng, gia hạn) ask once more before they are recorded. The steps that come
 * with a form (Mẫu 02, 04, 05) open its preview right after.
 */
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatDueVi } from '@shared/domain/deadline';
import { ACTION_LABELS, type DossierAction } from '@shared/domain/lifecycle';
import type { RpcInput } from '@shared/rpc';
import type { DossierDetail } from '@shared/rpc/dossiers';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { useNavigation } from '../../stores/navigation';
import { usePrintPreview, type PrintRequest } from '../../stores/printPreview';
import { useSession } from '../../stores/session';
import { DATE_FORMAT, toYmd } from '../../ui/dates';
import { errorText, isFormIncomplete, showFieldErrors } from '../../ui/errors';
import { keyReleased } from '../../ui/key-released';
import { SupplementFields, supplementDetails, type SupplementValues } from '../print/SupplementFields';
import { nowDayjs } from '../../ui/clock';
import { ResultScans } from '../intake/scans/ResultScans';

const t = vi.detail;
const required = [{ required: true, whitespace: true, message: t.required }];

export const IRREVERSIBLE: readonly DossierAction[] = ['returnResult', 'stop', 'extend', 'recordVerification'];

interface Values extends Partial<SupplementValues> {
  note?: string;
  collectedBy?: string;
  newDueDate?: Dayjs;
  signerTitle?: string;
  signerName?: string;
}

interface Props {
  dossierId: string;
  code: string;
  action: DossierAction;
  /** The dossier's documents: offered one by one for a supplement request, none chosen at first. */
  documents?: DossierDetail['documents'];
  /** Who the result is handed to unless the officer types someone else: the applicant. */
  applicantName?: string;
  /** The dossier as shown: its legal due date and standing decide the warnings. */
  detail?: Pick<DossierDetail, 'dueAt' | 'standing' | 'supplementNeedsReason'>;
  onClose(): void;
  onDone?(detail: DossierDetail): void;
}

export function ActionDialog({ dossierId, code, action, documents, applicantName, detail, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const { modal, message } = App.useApp();
  const settings = useSession((s) => s.settings);
  const dossiersChanged = useNavigation((s) => s.dossiersChanged);
  const showPreview = usePrintPreview((s) => s.show);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** While the "once more" question is open this dialog lets focus go to it (Enter answers it). */
  const [confirming, setConfirming] = useState(false);

  const initial: Values = {
    signerTitle: settings?.signerTitle ?? '',
    signerName: settings?.signerName ?? '',
    // Only what is missing goes on Mẫu 02: the officer adds those papers, none is there by default.
    items: [],
    collectedBy: action === 'returnResult' ? (applicantName ?? '') : undefined,
  };

  async function record(v: Values) {
    const input: RpcInput<'dossiers.act'> = {
      id: dossierId,
      action,
      note: action === 'requestSupplement' || action === 'extend' || action === 'stop' || action === 'recordVerification' ? v.reason : v.note,
      newDueDate: action === 'extend' ? toYmd(v.newDueDate) : undefined,
      collectedBy: action === 'returnResult' ? v.collectedBy : undefined,
    };
    setBusy(true);
    setError(null);
    try {
      const result = await call('dossiers.act', input);
      dossiersChanged();
      message.success(`${t.done}: ${ACTION_LABELS[action]}`);
      // What the officer must know about this step (a late apology, an exception), said once more.
      for (const w of result.warnings) message.warning(w, 8);
      onDone?.(result);
      onClose();
      const follow = followUpPrint(v);
      if (follow) showPreview(follow, `${vi.intake.code}: ${code}`);
    } catch (err) {
      showFieldErrors(form, err);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  function followUpPrint(v: Values): PrintRequest | null {
    const signer = { title: v.signerTitle ?? '', fullName: v.signerName ?? '' };
    if (action === 'requestSupplement') return { form: 'mau02', dossierId, details: { supplement: supplementDetails(v as SupplementValues) } };
    if (action === 'extend') return { form: 'mau04', dossierId, details: { apology: { reason: v.reason ?? '', signer } } };
    if (action === 'stop') return { form: 'mau05', dossierId, details: { stop: { reason: v.reason ?? '', signer } } };
    // The legal due date moved: a new appointment slip for the citizen, archived as a new print.
    if (action === 'recordVerification') return { form: 'mau01', dossierId };
    return null;
  }

  /** `keyUp`: when Enter in a field asked, settles once that Enter is up (ui/key-released.ts). */
  async function submit(keyUp: Promise<void> = Promise.resolve()) {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch (err) {
      if (!isFormIncomplete(err)) throw err;
      return; // the form marks what is missing
    }
    if (!IRREVERSIBLE.includes(action)) return void record(v);
    await keyUp;
    setConfirming(true);
    // One focus mover, and it starts on "Hủy": the question is there to stop an act that cannot be
    // undone, so a second Enter (a habit from the field, a bouncing key) must not answer it; the
    // officer confirms with Tab, Enter. The question's focus trap puts focus on its first button,
    // "Hủy"; antd's autoFocusButton would move it to the act from a timer of its own, after a key
    // may already have been pressed (only the top-level null turns that timer off).
    modal.confirm({
      autoFocusButton: null,
      afterClose: () => setConfirming(false),
      title: `${ACTION_LABELS[action]} — ${code}`,
      content: t.confirmBody,
      okText: ACTION_LABELS[action],
      cancelText: vi.common.cancel,
      okButtonProps: { danger: action === 'stop' },
      onOk: () => record(v),
    });
  }

  const withSigner = action === 'extend' || action === 'stop';
  const reasonOnly = action === 'recordVerification';
  return (
    <Modal
      open
      title={`${ACTION_LABELS[action]} — ${code}`}
      okText={ACTION_LABELS[action]}
      cancelText={vi.common.cancel}
      onOk={() => void submit()}
      focusable={{ trap: !confirming }}
      okButtonProps={{ loading: busy, danger: action === 'stop' }}
      onCancel={onClose}
      width={action === 'requestSupplement' ? 760 : 560}
      destroyOnHidden
      rootClassName="action-dialog"
    >
      {error && (
        <Typography.Paragraph type="danger" data-testid="action-error">
          {error}
        </Typography.Paragraph>
      )}
      {action === 'extend' && detail && (
        <Alert
          type={detail.standing?.grade === 'overdue' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="extend-warning"
          title={detail.standing?.grade === 'overdue' ? t.extendAfterDue : t.extendInfo(formatDueVi(detail.dueAt))}
          description={detail.standing?.grade === 'overdue' ? t.extendInfo(formatDueVi(detail.dueAt)) : undefined}
        />
      )}
      {action === 'requestSupplement' && detail?.supplementNeedsReason && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t.supplementAgain} data-testid="supplement-again" />
      )}
      {action === 'recordVerification' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t.verificationHint} />}
      {action === 'stop' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t.stopHint} data-testid="stop-hint" />}
      {action === 'returnResult' && <ResultScans dossierId={dossierId} />}
      <Form form={form} layout="vertical" initialValues={initial} name={`act-${action}`}>
        {action === 'returnResult' && (
          <Form.Item name="collectedBy" label={t.collectedBy} extra={t.collectedByHint} rules={required}>
            <Input autoFocus onPressEnter={() => void submit(keyReleased('Enter'))} />
          </Form.Item>
        )}
        {action === 'extend' && (
          <Form.Item name="newDueDate" label={t.newDueDate} rules={[{ required: true, message: t.required }]}>
            <DatePicker format={DATE_FORMAT} autoFocus disabledDate={(d) => d.isBefore(nowDayjs(), 'day')} style={{ width: 200 }} />
          </Form.Item>
        )}
        {action === 'requestSupplement' && <SupplementFields suggestions={documents?.map((d) => ({ name: d.name, originals: d.originals, certifiedCopies: d.copies, photocopies: 0 }))} />}
        {withSigner && (
          <>
            <Form.Item name="reason" label={t.reason} rules={required}>
              <Input.TextArea autoFocus={action === 'stop'} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
            <div style={{ display: 'flex', gap: 8 }}>
              <Form.Item name="signerTitle" label={t.signerTitle} rules={required} style={{ flex: 1 }}>
                <Input />
              </Form.Item>
              <Form.Item name="signerName" label={t.signerName} rules={required} style={{ flex: 1 }}>
                <Input />
              </Form.Item>
            </div>
          </>
        )}
        {reasonOnly && (
          <Form.Item name="reason" label={t.verificationReason} rules={required}>
            <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        )}
        {!withSigner && !reasonOnly && action !== 'requestSupplement' && (
          <Form.Item name="note" label={t.note}>
            <Input autoFocus={action !== 'returnResult'} onPressEnter={() => void submit(keyReleased('Enter'))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
