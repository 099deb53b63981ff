/** Nhật ký thao tác: newest first, a page at a time, filtered; and the hash chain's check. */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatDateTimeVi } from '@shared/domain/text';
import type { RpcOutput } from '@shared/rpc';
import type { AuditEntryView } from '@shared/rpc/audit';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';
import { auditActionText, auditDetailLines, auditFamilies, auditTargetText } from './audit-text';
import { selectClear } from '../../../src-ui/clear-buttons';

const t = vi.audit;
const PAGE = 50;
type Verify = RpcOutput<'audit.verify'>;
type OfficerItem = RpcOutput<'officers.list'>['items'][number];

export function AuditPanel() {
  const [items, setItems] = useState<AuditEntryView[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [action, setAction] = useState<string | undefined>();
  const [officerId, setOfficerId] = useState<string | undefined>();
  const [officers, setOfficers] = useState<OfficerItem[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [verify, setVerify] = useState<Verify | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(
    async (before?: number) => {
      setLoading(true);
      try {
        const page = await call('audit.list', { action, officerId, before, limit: PAGE });
        setItems((prev) => (before ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(null);
      } catch (err) {
        setError(errorText(err));
      } finally {
        setLoading(false);
      }
    },
    [action, officerId],
  );

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    call('officers.list', {})
      .then((r) => setOfficers(r.items))
      .catch((err) => setError(errorText(err)));
  }, []);

  async function runVerify() {
    setVerifying(true);
    try {
      setVerify(await call('audit.verify', {}));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setVerifying(false);
    }
  }

  return (
    <div data-testid="audit">
      <div className="screen-head">
        <Space>
          <Select
            allowClear={selectClear(vi.common.clearSelection)}
            placeholder={t.allActions}
            aria-label={t.filterAction}
            style={{ width: 280 }}
            value={action}
            onChange={(v) => setAction(v)}
            options={auditFamilies()}
            data-testid="audit-action-filter"
          />
          <Select
            allowClear={selectClear(vi.common.clearSelection)}
            placeholder={t.allOfficers}
            aria-label={t.filterOfficer}
            style={{ width: 240 }}
            value={officerId}
            onChange={(v) => setOfficerId(v)}
            options={officers.map((o) => ({ value: o.id, label: o.fullName }))}
          />
        </Space>
        <Button icon={<SafetyCertificateOutlined aria-hidden />} loading={verifying} onClick={() => void runVerify()}>
          {t.verify}
        </Button>
      </div>
      {verify && (
        <Alert
          type={verify.ok ? 'success' : 'error'}
          showIcon
          data-testid="audit-verify"
          title={verify.ok || !verify.broken ? t.verifyOk(verify.rows) : t.verifyBroken(verify.broken.seq, verify.broken.problem)}
          style={{ marginBottom: 12 }}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<AuditEntryView>
        size="small"
        rowKey="seq"
        loading={loading}
        pagination={false}
        dataSource={items}
        scroll={{ y: 400 }}
        onRow={() => ({ 'data-testid': 'audit-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t.seq, dataIndex: 'seq', width: 70 },
          { title: t.at, dataIndex: 'at', width: 140, render: (at: string) => <span className="dyn">{formatDateTimeVi(at)}</span> },
          { title: t.officer, dataIndex: 'officerName', width: 200, render: (n: string | null) => n ?? '—' },
          { title: t.action, dataIndex: 'action', width: 190, render: (a: string) => <span data-testid="audit-action">{auditActionText(a)}</span> },
          { title: t.target, dataIndex: 'target', width: 160, ellipsis: true, render: auditTargetText },
          {
            title: t.details,
            dataIndex: 'details',
            render: (d: unknown, row) => (
              <div data-testid="audit-details">
                {auditDetailLines(row.action, d).map((line, i) => (
                  <div key={i}>{line}</div>
                ))}
              </div>
            ),
          },
        ]}
      />
      {cursor !== null && (
        <Button style={{ marginTop: 8 }} loading={loading} onClick={() => void load(cursor)}>
          {t.more}
        </Button>
      )}
    </div>
  );
}
