/**
 * One procedure as the catalog holds it: papers, fees, legal basis, and how sure we are of each
 * legal number (confidence tags, DOMAIN §0) with its sources, so the administrator knows what to
 * verify against the province's quyết định công bố.
 */
import { Alert, App, Button, Checkbox, Descriptions, Drawer, Form, Input, InputNumber, List, Modal, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { PROCEDURE_FIELDS, type FeeRule, type Procedure } from '@shared/domain/catalog';
import { DEADLINE_UNIT_LABELS, DEADLINE_UNITS, type DeadlineUnit } from '@shared/domain/deadline';
import { formatDateVi, formatDong } from '@shared/domain/text';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { useSession } from '../../stores/session';
import { errorText, showFieldErrors } from '../../ui/errors';
import { forOfficials, readableSources } from './catalog-text';

const t = vi.catalog;

export function ConfidenceTag({ tag, label }: { tag: string; label?: string }) {
  const color = tag === 'C' ? 'green' : tag === 'S' ? 'blue' : tag === 'X' ? 'cyan' : tag === 'M' ? 'orange' : 'red';
  return (
    <Tooltip title={t.confidenceTags[tag]}>
      <Tag color={color}>{label ? `${label}: ${t.confidenceWords[tag]}` : t.confidenceWords[tag]}</Tag>
    </Tooltip>
  );
}

export function feeText(f: FeeRule): string {
  switch (f.kind) {
    case 'fixed':
      return `${formatDong(f.amount)} ${f.per === 'copy' ? t.perCopy : t.perCase}`;
    case 'per_page':
      return (
        f.tiers.map((tier) => `${formatDong(tier.amountPerPage)} ${t.perPage} ${tier.fromPage}`).join('; ') +
        (f.capPerCopy ? `; ${t.cap} ${formatDong(f.capPerCopy)} ${t.perCopy}` : '')
      );
    case 'free':
      return f.reason;
    case 'province_set':
      return f.amount === null ? t.notSet : `${formatDong(f.amount)} ${f.per === 'copy' ? t.perCopy : t.perCase}`;
  }
}

function limitText(l: { amount: number; unit: DeadlineUnit }): string {
  return l.unit === 'same_day' ? DEADLINE_UNIT_LABELS.same_day : `${l.amount} ${DEADLINE_UNIT_LABELS[l.unit]}`;
}

export function deadlineText(p: Procedure): string {
  return p.deadline ? limitText(p.deadline) : '—';
}

/** The deadline rule as the engine applies it, each part with the text it comes from. */
function DeadlineRule({ p }: { p: Procedure }) {
  const d = p.deadline;
  if (!d) return <Typography.Text type="warning">{t.noDeadline}</Typography.Text>;
  return (
    <div data-testid="procedure-deadline">
      <div>
        <strong>{limitText(d)}</strong>
        {d.cutoff15 && <span> · {t.after15}</span>}
        {d.range && <div className="muted">{t.range(d.range.min, d.range.max)}</div>}
      </div>
      {d.whenVerifying && (
        <div>
          {t.whenVerifying}: {limitText(d.whenVerifying)}
          {d.whenVerifying.legalBasis && <span className="muted"> — {forOfficials(d.whenVerifying.legalBasis)}</span>}
        </div>
      )}
      {d.legalBasis && (
        <div className="muted">
          {t.deadlineBasis}: {forOfficials(d.legalBasis)}
        </div>
      )}
      {d.note && <div className="muted">{forOfficials(d.note)}</div>}
    </div>
  );
}

interface DeadlineValues {
  amount: number;
  unit: DeadlineUnit;
  cutoff15: boolean;
  legalBasis: string;
}

/** An administrator enters the deadline from the province's quyết định công bố; it is audited. */
function SetDeadlineDialog({ p, onClose, onSaved }: { p: Procedure; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<DeadlineValues>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await call('catalog.setDeadline', {
        procedureId: p.id,
        deadline: { amount: v.unit === 'same_day' ? 0 : v.amount, unit: v.unit, cutoff15: v.cutoff15, legalBasis: v.legalBasis, confidence: 'C' },
      });
      message.success(t.deadlineSaved);
      onSaved();
    } catch (err) {
      showFieldErrors(form, err);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  const initial: DeadlineValues = {
    amount: p.deadline?.amount ?? 1,
    unit: p.deadline?.unit ?? 'working_days',
    cutoff15: p.deadline?.cutoff15 ?? false,
    legalBasis: '',
  };
  return (
    <Modal open title={t.setDeadlineTitle} okText={vi.common.save} cancelText={vi.common.cancel} onOk={() => void submit()} okButtonProps={{ loading: busy }} onCancel={onClose} destroyOnHidden>
      {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      <Typography.Paragraph>{p.name}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initial} name="set-deadline">
        <Space align="start">
          <Form.Item name="amount" label={t.amount} rules={[{ required: true, message: vi.detail.required }]}>
            <InputNumber min={0} max={1000} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="unit" label={t.unit}>
            <Select aria-label={t.unit} style={{ width: 180 }} options={DEADLINE_UNITS.map((u) => ({ value: u, label: DEADLINE_UNIT_LABELS[u] }))} />
          </Form.Item>
        </Space>
        <Form.Item name="cutoff15" valuePropName="checked">
          <Checkbox>{t.cutoff15}</Checkbox>
        </Form.Item>
        <Form.Item name="legalBasis" label={t.legalBasisInput} rules={[{ required: true, whitespace: true, message: vi.detail.required }]}>
          <Input autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ProcedureDrawer({ procedureKey, onClose }: { procedureKey: string | null; onClose(): void }) {
  const [p, setP] = useState<Procedure | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const isAdmin = useSession((s) => s.officer?.role === 'admin');

  const load = useCallback(() => {
    setP(null);
    setError(null);
    if (!procedureKey) return;
    call('catalog.get', { procedureCode: procedureKey })
      .then(setP)
      .catch((err) => setError(errorText(err)));
  }, [procedureKey]);
  useEffect(load, [load]);

  return (
    <Drawer open={procedureKey !== null} onClose={onClose} size={820} title={p ? `${p.code ?? '—'} · ${t.procedures}` : t.procedures} destroyOnHidden>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {!p && !error && <Spin />}
      {p && (
        <div data-testid="procedure-detail">
          <Typography.Title level={2} className="title-size-5" style={{ marginTop: 0 }}>
            {p.name}
          </Typography.Title>
          <div style={{ marginBottom: 12 }}>
            <ConfidenceTag tag={p.confidence.code} label={t.confidenceOf.code} />
            <ConfidenceTag tag={p.confidence.deadline} label={t.confidenceOf.deadline} />
            <ConfidenceTag tag={p.confidence.fee} label={t.confidenceOf.fee} />
            {isAdmin && (
              <Button size="small" onClick={() => setEditing(true)} data-testid="set-deadline">
                {t.setDeadline}
              </Button>
            )}
          </div>
          {p.receivedFor && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${t.receivedFor}: ${p.receivedFor.agency}`} description={`${t.ownForms}: ${forOfficials(p.receivedFor.ownForms)}`} />
          )}
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 170 } }}
            items={[
              { key: 'field', label: t.field, children: PROCEDURE_FIELDS[p.field] },
              { key: 'deadline', label: t.deadline, children: <DeadlineRule p={p} /> },
              { key: 'agency', label: t.resolvingAgency, children: `${p.resolvingAgency}${p.interAgency ? ` (${t.interAgency})` : ''}` },
              { key: 'effective', label: t.effective, children: `${formatDateVi(p.effectiveFrom)} – ${p.effectiveTo ? formatDateVi(p.effectiveTo) : '…'}` },
              { key: 'legal', label: t.legalBasis, children: p.legalBasis.map(forOfficials).join('; ') || '—' },
              ...(readableSources(p.sources).length > 0 ? [{ key: 'sources', label: t.sources, children: readableSources(p.sources).join('; ') }] : []),
            ]}
          />
          <Typography.Title level={2} className="section-title title-size-5">
            {t.documents}
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={p.documents}
            renderItem={(d) => (
              <List.Item>
                <span>
                  {d.name}
                  {d.optional && <span className="muted"> ({vi.intake.optional})</span>}
                  {d.note && <div className="muted">{forOfficials(d.note)}</div>}
                </span>
                <span className="muted">
                  {d.count} · {t.docForm[d.form]}
                </span>
              </List.Item>
            )}
          />
          <Typography.Title level={2} className="section-title title-size-5">
            {t.fees}
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={p.fees}
            locale={{ emptyText: vi.intake.feeNone }}
            renderItem={(f) => (
              <List.Item>
                <span>
                  {f.label} <ConfidenceTag tag={f.confidence} />
                  {f.legalBasis && <div className="muted">{forOfficials(f.legalBasis)}</div>}
                </span>
                <span>
                  <Tag>{t.feeKinds[f.kind]}</Tag>
                  {feeText(f)}
                </span>
              </List.Item>
            )}
          />
          {p.exemptions.length > 0 && (
            <>
              <Typography.Title level={2} className="section-title title-size-5">
                {t.exemptions}
              </Typography.Title>
              <List
                size="small"
                bordered
                dataSource={p.exemptions}
                renderItem={(e) => (
                  <List.Item>
                    <span>
                      {e.reason}
                      {e.legalBasis && <div className="muted">{forOfficials(e.legalBasis)}</div>}
                    </span>
                  </List.Item>
                )}
              />
            </>
          )}
          {p.notes.length > 0 && (
            <>
              <Typography.Title level={2} className="section-title title-size-5">
                {t.notes}
              </Typography.Title>
              <ul>
                {p.notes.map((n, i) => (
                  <li key={i}>{forOfficials(n)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {p && editing && (
        <SetDeadlineDialog
          p={p}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            load();
          }}
        />
      )}
    </Drawer>
  );
}
