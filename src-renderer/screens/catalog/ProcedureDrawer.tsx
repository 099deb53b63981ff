/**
 * One procedure as the catalog holds it: papers, fees, legal basis, and how sure we are of each
 * legal number (confidence tags, DOMAIN §0) with its sources, so the administrator knows what to
 * verify against the province's quyết định công bố.
 */
import { Descriptions, Drawer, List, Spin, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PROCEDURE_FIELDS, type FeeRule, type Procedure } from '@shared/domain/catalog';
import { DEADLINE_UNIT_LABELS } from '@shared/domain/deadline';
import { formatDateVi, formatDong } from '@shared/domain/text';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';

const t = vi.catalog;

export function ConfidenceTag({ tag, label }: { tag: string; label?: string }) {
  const color = tag === 'C' ? 'green' : tag === 'S' ? 'blue' : tag === 'X' ? 'cyan' : tag === 'M' ? 'orange' : 'red';
  return (
    <Tooltip title={t.confidenceTags[tag]}>
      <Tag color={color}>{label ? `${label}: [${tag}]` : `[${tag}]`}</Tag>
    </Tooltip>
  );
}

function feeText(f: FeeRule): string {
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

export function deadlineText(p: Procedure): string {
  if (!p.deadline) return '—';
  return p.deadline.unit === 'same_day' ? DEADLINE_UNIT_LABELS.same_day : `${p.deadline.amount} ${DEADLINE_UNIT_LABELS[p.deadline.unit]}`;
}

export function ProcedureDrawer({ procedureKey, onClose }: { procedureKey: string | null; onClose(): void }) {
  const [p, setP] = useState<Procedure | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setP(null);
    setError(null);
    if (!procedureKey) return;
    call('catalog.get', { procedureCode: procedureKey })
      .then(setP)
      .catch((err) => setError(errorText(err)));
  }, [procedureKey]);

  return (
    <Drawer open={procedureKey !== null} onClose={onClose} size={820} title={p ? `${p.code ?? '—'} · ${t.procedures}` : t.procedures} destroyOnHidden>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {!p && !error && <Spin />}
      {p && (
        <div data-testid="procedure-detail">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {p.name}
          </Typography.Title>
          <div style={{ marginBottom: 12 }}>
            <ConfidenceTag tag={p.confidence.code} label={t.confidenceOf.code} />
            <ConfidenceTag tag={p.confidence.deadline} label={t.confidenceOf.deadline} />
            <ConfidenceTag tag={p.confidence.fee} label={t.confidenceOf.fee} />
          </div>
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 170 } }}
            items={[
              { key: 'field', label: t.field, children: PROCEDURE_FIELDS[p.field] },
              { key: 'deadline', label: t.deadline, children: `${deadlineText(p)}${p.deadline?.note ? ` — ${p.deadline.note}` : ''}` },
              { key: 'agency', label: t.resolvingAgency, children: `${p.resolvingAgency}${p.interAgency ? ` (${t.interAgency})` : ''}` },
              { key: 'effective', label: t.effective, children: `${formatDateVi(p.effectiveFrom)} – ${p.effectiveTo ? formatDateVi(p.effectiveTo) : '…'}` },
              { key: 'legal', label: t.legalBasis, children: p.legalBasis.join('; ') || '—' },
              { key: 'sources', label: t.sources, children: p.sources.join(', ') || '—' },
            ]}
          />
          <Typography.Title level={5} className="section-title">
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
                  {d.note && <div className="muted">{d.note}</div>}
                </span>
                <span className="muted">
                  {d.count} · {t.docForm[d.form]}
                </span>
              </List.Item>
            )}
          />
          <Typography.Title level={5} className="section-title">
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
                  {f.legalBasis && <div className="muted">{f.legalBasis}</div>}
                </span>
                <span>
                  <Tag>{t.feeKinds[f.kind]}</Tag>
                  {feeText(f)}
                </span>
              </List.Item>
            )}
          />
          {p.notes.length > 0 && (
            <>
              <Typography.Title level={5} className="section-title">
                {t.notes}
              </Typography.Title>
              <ul>
                {p.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}
