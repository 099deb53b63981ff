/**
 * Tiếp nhận: scan or type the applicant, pick the procedure, check the papers, see fees and the
 * appointment date live, then "Lưu và in" (F9) receives the dossier and previews Mẫu 01. The same
 * form can instead print Mẫu 02 (hướng dẫn bổ sung, nothing received) or record a refusal (Mẫu 03).
 * A refused input never clears the form: the officer fixes the marked field and saves again.
 */
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography, type InputRef } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CccdCard } from '@shared/domain/cccd';
import { notReceivableReason, type Procedure } from '@shared/domain/catalog';
import { formatDateVi } from '@shared/domain/text';
import { APPLICANT_MAX } from '@shared/rpc/dossiers';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { hasDraft, useIntakeDraft } from '../../stores/intakeDraft';
import { useNavigation } from '../../stores/navigation';
import { usePrintPreview } from '../../stores/printPreview';
import { DATE_PLACEHOLDER, todayYmd } from '../../ui/dates';
import { errorText, isFormIncomplete, showFieldErrors } from '../../ui/errors';
import { supplementDetails, type SupplementValues } from '../print/SupplementFields';
import { DocumentsChecklist } from './DocumentsChecklist';
import { DuePreview } from './DuePreview';
import { birthDateProblem, idNumberProblem } from './intakeChecks';
import { FeePreview, needsPages } from './FeePreview';
import { GuideDialog } from './GuideDialog';
import { applicantInput, documentsOf, EMPTY_INTAKE, receiveInput, type IntakeValues } from './intakeValues';
import { ProcedurePicker } from './ProcedurePicker';
import { RejectDialog } from './RejectDialog';
import { ScanField } from './ScanField';
import { useScanBatch } from './scans/batch';
import { IntakeScans } from './scans/IntakeScans';
import { ServingTicket } from '../queue/ServingTicket';
import { selectClear } from '../../../src-ui/clear-buttons';

const t = vi.intake;
const required = [{ required: true, whitespace: true, message: vi.setup.required }];

type Notice = { type: 'success' | 'warning' | 'error'; text: string; details?: string[] };
/** The dossier this form last recorded: received, or refused (Mẫu 03). */
type Recorded = { id: string; code: string; refused: boolean };
/** The counter's typing limits, said while typing rather than at F9. */
const maxLengthRule = (max: number) => ({ max, message: vi.intakeChecks.tooLong(max) });

export function IntakeScreen() {
  const [form] = Form.useForm<IntakeValues>();
  const { message, modal } = App.useApp();
  /** A draft brought back from another screen keeps its checklist counts over the procedure's defaults. */
  const restoredDocuments = useRef<IntakeValues['documents'] | null>(null);
  const scanRef = useRef<InputRef>(null);
  const [procedure, setProcedure] = useState<Procedure | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [received, setReceived] = useState<Recorded | null>(null);
  /** `received` as of the last commit, for callbacks that run later (a dialog's afterClose, a key handler). */
  const receivedRef = useRef<Recorded | null>(null);
  /** The last recorded dossier's banner stays while the form is already empty for the next one. */
  const [lastRecorded, setLastRecorded] = useState<Recorded | null>(null);
  /** Bumped to move focus to the scan field once the form is enabled again (after a render). */
  const [scanFocus, setScanFocus] = useState(0);
  const [rejectOpen, setRejectOpen] = useState(false);
  const [guideOpen, setGuideOpen] = useState(false);
  const [guideItems, setGuideItems] = useState<SupplementValues['items']>([]);
  const intakeNonce = useNavigation((s) => s.intakeNonce);
  const scanBatch = useScanBatch((s) => s.batch);
  const { openDossier, dossiersChanged } = useNavigation();
  const showPreview = usePrintPreview((s) => s.show);
  const previewOpen = usePrintPreview((s) => s.request !== null);

  const procedureCode = Form.useWatch('procedureCode', form);
  const pages = Form.useWatch('pages', form);
  const copies = Form.useWatch('copies', form);
  const channel = Form.useWatch('channel', form) ?? 'direct';
  const exemptionId = Form.useWatch('exemptionId', form);
  /** Why this procedure cannot be received yet (no deadline in the catalog), said before saving. */
  const notReceivable = procedure ? notReceivableReason(procedure) : null;
  const otherAgency = procedure?.receivedFor ?? null;

  const clearForm = useCallback(() => {
    form.resetFields();
    setProcedure(null);
    setNotice(null);
    setError(null);
    setReceived(null);
    setLastRecorded(null);
    useIntakeDraft.getState().clear();
    useScanBatch.getState().renew();
  }, [form]);
  const reset = useCallback(() => {
    clearForm();
    setScanFocus((n) => n + 1);
  }, [clearForm]);

  /**
   * After the receipt's preview: an empty form for the next citizen, the code still on screen.
   * The preview can also be closed by F2 (or F3), which has already emptied the form and put focus
   * in the scan field; by the time its closing ends the officer may be typing the next citizen, so
   * then there is nothing left to do here.
   */
  const readyForNext = useCallback(() => {
    const recorded = receivedRef.current;
    if (!recorded) return;
    receivedRef.current = null;
    form.resetFields();
    useScanBatch.getState().renew();
    setProcedure(null);
    setNotice(null);
    setError(null);
    setReceived(null);
    setLastRecorded(recorded);
    setScanFocus((n) => n + 1);
  }, [form]);

  useLayoutEffect(() => {
    receivedRef.current = received;
  }, [received]);
  // Gone to another screen while the preview was open: its closing has no form left to empty.
  useEffect(
    () => () => {
      receivedRef.current = null;
    },
    [],
  );

  // In the commit that enables the form again, before it is painted: the officer never sees an
  // empty form without a focused field, and no later task moves focus once they have started.
  useLayoutEffect(() => {
    if (scanFocus > 0) scanRef.current?.focus();
  }, [scanFocus]);

  // Back from another screen: the receipt as it was left (resetFields still empties to EMPTY_INTAKE).
  useEffect(() => {
    const kept = useIntakeDraft.getState().values;
    if (!kept) return;
    if (kept.documents.length) restoredDocuments.current = kept.documents;
    form.setFieldsValue(kept);
  }, [form]);

  // F2: a new receipt, after asking when one is half typed (Esc or Enter keeps it).
  useEffect(() => {
    const { handledNonce, handled, values } = useIntakeDraft.getState();
    if (intakeNonce <= handledNonce) return;
    handled(intakeNonce);
    if (received || !hasDraft(values)) return reset();
    const c = vi.intakeChecks;
    const typingIn = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Focus moves once on the way in and once on the way out, or a key pressed in between lands
    // where the officer no longer looks:
    // - in: the dialog's focus trap puts focus on its first button, "Tiếp tục nhập", as it starts.
    //   antd's autoFocusButton would focus it again from a timer of its own, after the officer may
    //   already have pressed Shift+Tab to reach "Bỏ và nhập mới".
    // - out: this screen puts focus back itself, in the same task as the dialog ends, instead of
    //   the dialog handing it back and a later render moving it again to the scan field.
    modal.confirm({
      title: c.draftTitle,
      content: c.draftBody,
      okText: c.draftDiscard,
      okButtonProps: { danger: true },
      cancelText: c.draftKeep,
      // antd reads `focusable.autoFocusButton` with `||`, so a null there falls back to "ok": only
      // the top-level null turns its timer off.
      autoFocusButton: null,
      focusable: { focusTriggerAfterClose: false },
      onOk: clearForm,
      afterClose: () => {
        if (hasDraft(useIntakeDraft.getState().values)) typingIn?.focus({ preventScroll: true });
        else scanRef.current?.focus();
      },
    });
  }, [intakeNonce, reset, clearForm, received, modal]);

  useEffect(() => {
    if (!procedureCode) {
      setProcedure(null);
      return;
    }
    let cancelled = false;
    call('catalog.get', { procedureCode })
      .then((p) => {
        if (cancelled) return;
        setProcedure(p);
        const restored = restoredDocuments.current;
        restoredDocuments.current = null;
        if (!restored) form.setFieldsValue({ documents: documentsOf(p), exemptionId: null });
      })
      .catch((err) => !cancelled && setError(errorText(err)));
    return () => {
      cancelled = true;
    };
  }, [procedureCode, form]);

  function onCard(card: CccdCard, warnings: string[]) {
    form.setFieldsValue({
      applicant: {
        ...form.getFieldValue('applicant'),
        fullName: card.fullName,
        idNumber: card.idNumber,
        birthDate: formatDateVi(card.birthDate),
        gender: card.gender,
        address: card.address,
      },
    });
    form.setFields((['fullName', 'idNumber', 'birthDate', 'gender', 'address'] as const).map((f) => ({ name: ['applicant', f] as ['applicant', typeof f], errors: [] })));
    setNotice({ type: warnings.length ? 'warning' : 'success', text: `${t.scanned}: ${card.fullName}`, details: warnings });
  }

  function failed(err: unknown) {
    const unplaced = showFieldErrors(form, err);
    setError([errorText(err), ...unplaced].join(' — '));
  }

  const save = useCallback(async () => {
    if (busy || received) return;
    setError(null);
    let values: IntakeValues;
    try {
      values = await form.validateFields();
    } catch (err) {
      if (!isFormIncomplete(err)) throw err;
      setError(t.invalid);
      const first = (err as { errorFields: { name: (string | number)[] }[] }).errorFields[0];
      if (first) form.focusField(first.name);
      return;
    }
    setBusy(true);
    try {
      const r = await call('dossiers.receive', { ...receiveInput(values), scanBatch });
      // Recorded: no longer a draft, whichever way the preview is left.
      useIntakeDraft.getState().clear();
      setReceived({ id: r.id, code: r.code, refused: false });
      dossiersChanged();
      // A dossier received for another agency gets that agency's forms, never Mẫu 01.
      if (otherAgency) message.success(t.savedOtherAgency(otherAgency.agency));
      else showPreview({ form: 'mau01', dossierId: r.id }, `${t.code}: ${r.code}`, readyForNext);
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  }, [busy, received, form, dossiersChanged, showPreview, otherAgency, message, readyForNext, scanBatch]);

  // F9 reads the screen as it is now. A handler re-registered after each render would, between a
  // render and its effects, still hold the previous `save` (e.g. one that still sees the receipt
  // just printed and so does nothing), and would be missing on the screen's first paint.
  const onF9 = useRef<() => void>(() => undefined);
  useLayoutEffect(() => {
    onF9.current = () => {
      if (!previewOpen && !rejectOpen && !guideOpen) void save();
    };
  });
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F9') return;
      e.preventDefault();
      onF9.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /** Mẫu 02 and Mẫu 03 need who and which procedure, not the whole form. */
  async function checkWhoAndWhat(): Promise<boolean> {
    setError(null);
    try {
      await form.validateFields([['applicant', 'fullName'], 'procedureCode', ['applicant', 'idNumber'], ['applicant', 'phone'], ['applicant', 'email']]);
      return true;
    } catch (err) {
      if (!isFormIncomplete(err)) throw err;
      setError(t.needApplicantAndProcedure);
      return false;
    }
  }

  async function reject(reason: string) {
    setBusy(true);
    try {
      const v = form.getFieldsValue(true) as IntakeValues;
      const r = await call('dossiers.reject', { procedureCode: v.procedureCode ?? '', applicant: applicantInput(v.applicant), reason, channel: v.channel });
      setRejectOpen(false);
      useIntakeDraft.getState().clear();
      setReceived({ id: r.id, code: r.code, refused: true });
      dossiersChanged();
      message.success(t.rejected);
      showPreview({ form: 'mau03', dossierId: r.id }, `${t.code}: ${r.code}`, readyForNext);
    } catch (err) {
      setRejectOpen(false);
      failed(err);
    } finally {
      setBusy(false);
    }
  }

  function guide(s: SupplementValues) {
    const v = form.getFieldsValue(true) as IntakeValues;
    setGuideOpen(false);
    showPreview({
      form: 'mau02',
      details: { draft: { procedureCode: v.procedureCode ?? '', applicant: applicantInput(v.applicant) }, supplement: supplementDetails(s) },
    });
  }

  /** The guide starts from the procedure's checklist; the officer keeps only what is missing. */
  function openGuide() {
    const docs = (form.getFieldValue('documents') as IntakeValues['documents'] | undefined) ?? [];
    setGuideItems(docs.map((d) => ({ name: d.name, originals: d.originals ?? 0, certifiedCopies: d.copies ?? 0, photocopies: 0 })));
    setGuideOpen(true);
  }

  const banner = received ?? lastRecorded;

  return (
    <div data-testid="intake" className="intake">
      <div className="screen-head">
        <Typography.Title level={1} className="title-size-3" style={{ margin: 0 }}>
          {t.title}
        </Typography.Title>
        <Typography.Text type="secondary">{t.scanHint}</Typography.Text>
        <ServingTicket />
      </div>
      {banner && (
        <Alert
          type={banner.refused ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="intake-banner"
          title={
            <span>
              {banner.refused ? vi.intakeChecks.refused : t.received} — {t.code}: <strong data-testid="intake-code">{banner.code}</strong>
            </span>
          }
          action={
            <Space>
              <Button size="small" onClick={() => openDossier({ id: banner.id })}>
                {t.open}
              </Button>
              {received && (
                <Button size="small" type="primary" onClick={reset}>
                  {t.reset}
                </Button>
              )}
            </Space>
          }
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="intake-error" closable={{ onClose: () => setError(null) }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={EMPTY_INTAKE}
        onValuesChange={() => useIntakeDraft.getState().keep(form.getFieldsValue(true) as IntakeValues)}
        className="compact-form"
        name="intake"
        disabled={received !== null}
      >
        <Row gutter={16}>
          <Col span={10}>
            <Card size="small" title={t.applicant}>
              <Form.Item label={t.scan} htmlFor="intake-scan">
                <ScanField ref={scanRef} onCard={onCard} onError={(m) => setNotice({ type: 'error', text: m })} />
              </Form.Item>
              {notice && (
                <Alert
                  type={notice.type}
                  showIcon
                  title={notice.text}
                  description={notice.details?.length ? notice.details.join(' ') : undefined}
                  style={{ marginBottom: 8 }}
                  data-testid="scan-notice"
                />
              )}
              <Form.Item name={['applicant', 'fullName']} label={t.fullName} rules={[...required, maxLengthRule(APPLICANT_MAX.fullName)]}>
                <Input autoComplete="off" showCount={{ formatter: ({ count, maxLength }) => (maxLength && count > maxLength * 0.8 ? `${count}/${maxLength}` : '') }} maxLength={APPLICANT_MAX.fullName} />
              </Form.Item>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item
                    name={['applicant', 'idNumber']}
                    label={t.idNumber}
                    dependencies={[['applicant', 'birthDate'], ['applicant', 'gender']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: async (_rule, value: string | undefined) => {
                          const known = { birthDateText: getFieldValue(['applicant', 'birthDate']) as string | undefined, gender: getFieldValue(['applicant', 'gender']) as 'male' | 'female' | undefined, today: todayYmd() };
                          const problem = idNumberProblem(value, known);
                          if (problem) throw new Error(problem);
                        },
                      }),
                    ]}
                  >
                    <Input inputMode="numeric" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name={['applicant', 'birthDate']}
                    label={t.birthDate}
                    rules={[
                      {
                        validator: async (_rule, value: string | undefined) => {
                          const problem = birthDateProblem(value, todayYmd());
                          if (problem) throw new Error(problem);
                        },
                      },
                    ]}
                  >
                    {/* Typed, not picked: a calendar's own buttons would sit in the Tab order between fields. */}
                    <Input placeholder={DATE_PLACEHOLDER} inputMode="numeric" autoComplete="off" maxLength={10} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name={['applicant', 'gender']} label={t.gender}>
                <Radio.Group
                  options={[
                    { value: 'male', label: vi.gender.male },
                    { value: 'female', label: vi.gender.female },
                  ]}
                />
              </Form.Item>
              <Form.Item name={['applicant', 'address']} label={t.address} rules={[maxLengthRule(APPLICANT_MAX.address)]}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={APPLICANT_MAX.address} />
              </Form.Item>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item name={['applicant', 'phone']} label={t.phone} rules={[{ pattern: /^\+?[\d .-]{8,15}$/, message: 'Số điện thoại không hợp lệ' }]}>
                    <Input inputMode="tel" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name={['applicant', 'email']} label={t.email} rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ' }]}>
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
          <Col span={14}>
            <Card size="small" title={t.procedure}>
              <Form.Item name="procedureCode" label={t.procedure} rules={[{ required: true, message: t.procedureRequired }]}>
                <ProcedurePicker />
              </Form.Item>
              {notReceivable && <Alert type="warning" showIcon title={t.noDeadlineTitle} description={notReceivable} style={{ marginBottom: 8 }} data-testid="intake-no-deadline" />}
              {otherAgency && (
                <Alert
                  type="info"
                  showIcon
                  title={t.otherAgencyTitle(otherAgency.agency)}
                  description={t.otherAgencyBody(otherAgency.agency, otherAgency.ownForms)}
                  style={{ marginBottom: 8 }}
                  data-testid="intake-other-agency"
                />
              )}
              {procedure && (
                <Form.Item label={t.documents}>
                  <DocumentsChecklist />
                </Form.Item>
              )}
              {procedure && <IntakeScans batch={scanBatch} procedure={procedure} disabled={received !== null} />}
              <Row gutter={8}>
                {procedure && needsPages(procedure) && (
                  <Col span={6}>
                    <Form.Item name="pages" label={t.pages} rules={[{ required: true, message: vi.setup.required }]}>
                      <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                )}
                <Col span={procedure && needsPages(procedure) ? 4 : 6}>
                  <Form.Item name="copies" label={t.copyCount}>
                    <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item name="channel" label={t.channel}>
                    <Select aria-label={t.channel} options={[{ value: 'direct', label: vi.channel.direct }, { value: 'postal', label: vi.channel.postal }]} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item name="delivery" label={t.delivery}>
                    <Select aria-label={t.delivery} options={[{ value: 'counter', label: vi.delivery.counter }, { value: 'postal', label: vi.delivery.postal }]} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={16}>
                <Col span={12}>
                  {procedure && procedure.exemptions.length > 0 && (
                    <Form.Item name="exemptionId" label={t.exemption}>
                      <Select
                        aria-label={t.exemption}
                        allowClear={selectClear(vi.common.clearSelection)}
                        placeholder={t.exemptionNone}
                        options={procedure.exemptions.map((e) => ({ value: e.id, label: e.legalBasis ? `${e.reason} (${e.legalBasis})` : e.reason }))}
                        data-testid="intake-exemption"
                      />
                    </Form.Item>
                  )}
                  <div className="field-label">{t.fees}</div>
                  {procedure ? (
                    <FeePreview procedure={procedure} pages={pages} copies={copies} channel={channel} onDate={todayYmd()} exemptionId={exemptionId} />
                  ) : (
                    <Typography.Text type="secondary">—</Typography.Text>
                  )}
                </Col>
                <Col span={12}>
                  <div className="field-label">{t.due}</div>
                  {notReceivable ? <Typography.Text type="secondary">—</Typography.Text> : <DuePreview procedureCode={procedureCode} />}
                </Col>
              </Row>
            </Card>
          </Col>
        </Row>
      </Form>
      <div className="action-bar">
        <Space>
          <Button type="primary" size="large" onClick={() => void save()} loading={busy} disabled={received !== null || notReceivable !== null} data-testid="intake-save">
            {otherAgency ? t.saveOtherAgency : t.save}
          </Button>
          <Button size="large" onClick={() => void checkWhoAndWhat().then((ok) => ok && openGuide())} disabled={received !== null}>
            {t.guide}
          </Button>
          <Button size="large" danger onClick={() => void checkWhoAndWhat().then((ok) => ok && setRejectOpen(true))} disabled={received !== null}>
            {t.reject}
          </Button>
        </Space>
        <Button size="large" onClick={reset}>
          {t.reset}
        </Button>
      </div>
      <RejectDialog open={rejectOpen} busy={busy} onCancel={() => setRejectOpen(false)} onSubmit={(r) => void reject(r)} />
      <GuideDialog open={guideOpen} initialItems={guideItems} onCancel={() => setGuideOpen(false)} onSubmit={guide} />
    </div>
  );
}
