/**
 * One dossier, everything about it: the applicant and procedure, papers and fees, the deadline
 * (with how it ended: trước hạn / đúng hạn / quá hạn), the timeline of every step, what has been
 * printed, and the steps allowed now (core decides them: allowedActions).
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { PROCEDURE_FIELDS, type ProcedureField } from '@shared/domain/catalog';
import { formatDueVi } from '@shared/domain/deadline';
import { ACTION_LABELS, NATIONAL_STATUS_LABELS, STATUS_LABELS, type DossierAction, type NationalStatusCode } from '@shared/domain/lifecycle';
import { formatDateTimeVi, formatDateVi, formatDong } from '@shared/domain/text';
import type { RpcOutput } from '@shared/rpc';
import type { DossierDetail } from '@shared/rpc/dossiers';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { useNavigation } from '../../stores/navigation';
import { usePrintPreview } from '../../stores/printPreview';
import { errorText } from '../../ui/errors';
import { StatusTag } from '../../ui/StatusTag';
import { DossierPapers } from '../intake/scans/DossierPapers';
import { DossierFiles } from '../signing/DossierFiles';
import { ActionDialog, IRREVERSIBLE } from './ActionDialog';

const t = vi.detail;
type PrintRecord = RpcOutput<'print.records'>['items'][number];

const COMPLETION_COLORS = { early: 'green', on_time: 'blue', late: 'red' } as const;

export function DossierDrawer() {
  const { dossier: ref, closeDossier, dataVersion } = useNavigation();
  const previewOpen = usePrintPreview((s) => s.request !== null);
  const showPreview = usePrintPreview((s) => s.show);
  const [detail, setDetail] = useState<DossierDetail | null>(null);
  const [records, setRecords] = useState<PrintRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<DossierAction | null>(null);

  // Loads overlap (a step, then the preview closing, then an event): only the latest may draw, or a
  // slow earlier answer would put back the status from before the step.
  const latestLoad = useRef(0);
  const load = useCallback(async () => {
    if (!ref) return;
    const mine = ++latestLoad.current;
    setError(null);
    try {
      const d = await call('dossiers.get', ref);
      const items = (await call('print.records', { dossierId: d.id })).items;
      if (mine !== latestLoad.current) return;
      setDetail(d);
      setRecords(items);
    } catch (err) {
      if (mine === latestLoad.current) setError(errorText(err));
    }
  }, [ref]);

  useEffect(() => {
    setDetail(null);
    setRecords([]);
    void load();
  }, [load]);

  // A step or a print elsewhere (quick return, preview closed) changes what this drawer shows.
  useEffect(() => {
    if (!previewOpen) void load();
  }, [dataVersion, previewOpen, load]);

  const d = detail;
  return (
    <Drawer
      open={ref !== null}
      onClose={closeDossier}
      size={860}
      destroyOnHidden
      title={
        d ? (
          <Space wrap>
            <span className="mono" data-testid="detail-code">
              {d.code}
            </span>
            <StatusTag status={d.status} overdue={d.overdue} />
          </Space>
        ) : (
          t.title
        )
      }
      extra={
        d &&
        !d.receivedFor && (
          <Space>
            <Button icon={<PrinterOutlined aria-hidden />} onClick={() => showPreview({ form: d.status === 'rejected' ? 'mau03' : 'mau01', dossierId: d.id }, `${vi.intake.code}: ${d.code}`)}>
              {d.status === 'rejected' ? t.reprint03 : t.reprint01}
            </Button>
            {d.status !== 'rejected' && (
              <Button icon={<PrinterOutlined aria-hidden />} onClick={() => showPreview({ form: 'mau06', dossierId: d.id }, `${vi.intake.code}: ${d.code}`)}>
                {t.print06}
              </Button>
            )}
          </Space>
        )
      }
    >
      <div data-testid="dossier-detail">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {!d && !error && <Spin />}
        {d && (
          <>
            {d.allowedActions.length > 0 && (
              <div className="detail-actions" data-testid="detail-actions">
                {d.allowedActions.map((a) => (
                  <Button key={a} type={a === 'returnResult' || a === 'resultReady' ? 'primary' : 'default'} danger={a === 'stop'} onClick={() => setAction(a)}>
                    {ACTION_LABELS[a]}
                    {IRREVERSIBLE.includes(a) ? '…' : ''}
                  </Button>
                ))}
              </div>
            )}
            <Descriptions
              size="small"
              bordered
              column={2}
              styles={{ label: { width: 150 } }}
              items={[
                { key: 'name', label: t.applicant, children: <strong>{d.applicant.fullName}</strong> },
                { key: 'id', label: t.idNumber, children: d.applicant.idNumber ?? '—' },
                { key: 'birth', label: t.birthDate, children: d.applicant.birthDate ? formatDateVi(d.applicant.birthDate) : '—' },
                { key: 'gender', label: t.gender, children: d.applicant.gender ? vi.gender[d.applicant.gender] : '—' },
                { key: 'addr', label: t.address, span: 2, children: d.applicant.address ?? '—' },
                { key: 'phone', label: t.phone, children: d.applicant.phone ?? '—' },
                { key: 'email', label: t.email, children: d.applicant.email ?? '—' },
                { key: 'proc', label: t.procedure, span: 2, children: `${d.procedureCode} · ${d.procedureName}` },
                { key: 'field', label: t.field, children: PROCEDURE_FIELDS[d.field as ProcedureField] ?? d.field },
                { key: 'catalog', label: t.catalogVersion, children: <span className="dyn">{d.catalogVersion}</span> },
                { key: 'recv', label: t.receivedAt, children: <span className="dyn">{formatDateTimeVi(d.receivedAt)}</span> },
                { key: 'by', label: t.receivedBy, children: d.receivedByName },
                ...(d.receivedFor
                  ? [{ key: 'for', label: t.receivedFor, span: 2, children: `${d.receivedFor.agency} — ${d.receivedFor.ownForms}` }]
                  : []),
                {
                  key: 'due',
                  label: t.dueAt,
                  span: 2,
                  children: (
                    <Space size={6} wrap>
                      <span className={d.overdue ? 'overdue dyn' : 'dyn'} data-testid="detail-due">
                        {formatDueVi(d.dueAt)}
                        {d.dueProvisional && ` ${vi.status.provisional}`}
                      </span>
                      {d.standing && <StandingTag standing={d.standing} />}
                    </Space>
                  ),
                },
                ...(d.extendedDueAt
                  ? [
                      {
                        key: 'ext-due',
                        label: t.extendedDueAt,
                        span: 2,
                        children: (
                          <span data-testid="detail-extended-due">
                            {formatDueVi(d.extendedDueAt)} <span className="muted">— {t.extendedNote}</span>
                          </span>
                        ),
                      },
                    ]
                  : []),
                ...(d.verification
                  ? [{ key: 'verify', label: t.verification, span: 2, children: `${formatDateTimeVi(d.verification.at)} — ${d.verification.reason}` }]
                  : []),
                ...(d.originalDueAt !== d.dueAt ? [{ key: 'odue', label: t.originalDueAt, span: 2, children: formatDueVi(d.originalDueAt) }] : []),
                { key: 'channel', label: t.channel, children: vi.channel[d.channel] },
                { key: 'delivery', label: t.delivery, children: vi.delivery[d.delivery] },
                { key: 'pages', label: t.pagesCopies, children: `${d.pages ?? '—'} / ${d.copies ?? '—'}` },
                { key: 'nat', label: t.nationalStatus, children: <span data-testid="detail-national-status">{NATIONAL_STATUS_LABELS[d.nationalStatus as NationalStatusCode] ?? '—'}</span> },
                { key: 'sup', label: t.supplementCount, children: d.supplementCount },
                { key: 'ext', label: t.extensionCount, children: d.extensionCount },
                ...(d.pausedSince ? [{ key: 'paused', label: t.pausedSince, span: 2, children: formatDateTimeVi(d.pausedSince) }] : []),
                ...(d.withdrawalRequestedAt ? [{ key: 'withdraw', label: t.withdrawalRequestedAt, span: 2, children: formatDateTimeVi(d.withdrawalRequestedAt) }] : []),
                ...(d.finishedAt ? [{ key: 'fin', label: t.finishedAt, children: formatDateTimeVi(d.finishedAt) }] : []),
                ...(d.returnedAt ? [{ key: 'ret', label: t.returnedAt, children: formatDateTimeVi(d.returnedAt) }] : []),
                ...(d.collectedBy ? [{ key: 'collector', label: t.collectedBy, children: <span data-testid="detail-collected-by">{d.collectedBy}</span> }] : []),
                ...(d.completion
                  ? [
                      {
                        key: 'completion',
                        label: t.completion,
                        children: (
                          <Tag color={COMPLETION_COLORS[d.completion]} data-testid="completion">
                            {vi.status.completion[d.completion]}
                          </Tag>
                        ),
                      },
                    ]
                  : []),
              ]}
            />

            <Typography.Title level={2} className="section-title title-size-5">
              {t.documents}
            </Typography.Title>
            <Table
              size="small"
              pagination={false}
              rowKey={(_r, i) => String(i)}
              dataSource={d.documents}
              locale={{ emptyText: '—' }}
              columns={[
                { title: vi.intake.docName, dataIndex: 'name' },
                { title: vi.intake.originals, dataIndex: 'originals', width: 100, align: 'right' },
                { title: vi.intake.copies, dataIndex: 'copies', width: 100, align: 'right' },
              ]}
            />

            <Typography.Title level={2} className="section-title title-size-5">
              {vi.scans.papers}
            </Typography.Title>
            <DossierPapers dossierId={d.id} version={d.events.length} />

            <Typography.Title level={2} className="section-title title-size-5">
              {t.fees}
            </Typography.Title>
            <table className="fee-table">
              <tbody>
                {d.fees.map((f, i) => (
                  <tr key={i}>
                    <td>
                      {f.label}
                      {f.exemptReason && <div className="muted">{`${t.exempt}: ${f.exemptReason}`}</div>}
                    </td>
                    <td className="money">{formatDong(f.amount)}</td>
                  </tr>
                ))}
                <tr className="total">
                  <td>{vi.intake.feeTotal}</td>
                  <td className="money">{formatDong(d.feeTotal)}</td>
                </tr>
              </tbody>
            </table>

            <Typography.Title level={2} className="section-title title-size-5">
              {t.timeline}
            </Typography.Title>
            <Timeline
              data-testid="timeline"
              items={d.events.map((e) => ({
                key: e.id,
                title: <span className="dyn">{formatDateTimeVi(e.at)}</span>,
                content: (
                  <div className="timeline-event">
                    <strong>{ACTION_LABELS[e.type as DossierAction] ?? t.events[e.type] ?? e.type}</strong>
                    {e.toStatus && e.toStatus !== e.fromStatus && <span className="muted"> → {STATUS_LABELS[e.toStatus as keyof typeof STATUS_LABELS] ?? e.toStatus}</span>}
                    <div className="muted">{e.officerName}</div>
                    {e.note && <div>{e.note}</div>}
                  </div>
                ),
              }))}
            />

            <Typography.Title level={2} className="section-title title-size-5">
              {vi.print.records}
            </Typography.Title>
            {records.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                dataSource={records}
                data-testid="print-records"
                columns={[
                  { title: vi.print.at, dataIndex: 'at', width: 150, render: (v: string) => <span className="dyn">{formatDateTimeVi(v)}</span> },
                  { title: vi.print.form, dataIndex: 'form', render: (f: string) => vi.print.titles[f as keyof typeof vi.print.titles] ?? f },
                  {
                    title: vi.print.printer,
                    dataIndex: 'result',
                    width: 220,
                    render: (_: unknown, r: PrintRecord) => (
                      <span>
                        <Tag color={r.result === 'failed' ? 'red' : r.result === 'printed' ? 'green' : 'default'}>{vi.print.result[r.result]}</Tag>
                        {r.printer ?? ''}
                        {r.error && <div className="muted">{r.error}</div>}
                      </span>
                    ),
                  },
                ]}
              />
            )}

            <Typography.Title level={2} className="section-title title-size-5">
              {vi.signing.section}
            </Typography.Title>
            <DossierFiles dossierId={d.id} printed={records.filter((r) => r.result !== 'failed')} />
          </>
        )}
      </div>
      {d && action && (
        <ActionDialog dossierId={d.id} code={d.code} action={action} documents={d.documents} applicantName={d.applicant.fullName} detail={d} onClose={() => setAction(null)} onDone={setDetail} />
      )}
    </Drawer>
  );
}

/** Trong hạn / quá hạn (pending) or trước hạn / đúng hạn / quá hạn (solved), against the legal due date. */
function StandingTag({ standing }: { standing: NonNullable<DossierDetail['standing']> }) {
  const late = standing.grade === 'late' || standing.grade === 'overdue';
  const notes = [...(standing.apologised ? [vi.status.apologised] : []), ...(standing.exception ? [vi.status.exception] : [])];
  return (
    <Tag color={late ? 'red' : standing.grade === 'early' ? 'green' : 'blue'} data-testid="detail-standing">
      {vi.status.grades[standing.grade]}
      {notes.length > 0 && ` (${notes.join(', ')})`}
    </Tag>
  );
}
