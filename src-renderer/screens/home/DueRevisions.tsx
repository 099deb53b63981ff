/**
 * Dossiers whose due date was computed again after receipt (the province published a holiday,
 * the commune's calendar changed, verification was recorded): old and new date side by side, and
 * the new appointment slip one click away. A line stays until a new slip has been printed.
 */
import { Button, Card, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DueRevision } from '@shared/rpc/dossiers';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { useNavigation } from '../../stores/navigation';
import { usePrintPreview } from '../../stores/printPreview';
import { formatDueVi } from '../../ui/dates';

const t = vi.home;

export function DueRevisions() {
  const dataVersion = useNavigation((s) => s.dataVersion);
  const openDossier = useNavigation((s) => s.openDossier);
  const showPreview = usePrintPreview((s) => s.show);
  const previewOpen = usePrintPreview((s) => s.request !== null);
  const [items, setItems] = useState<DueRevision[]>([]);

  const load = useCallback(() => {
    call('dossiers.dueRevisions', { days: 30 })
      .then((r) => setItems(r.items.filter((i) => !i.reprinted)))
      .catch(() => setItems([]));
  }, []);
  useEffect(() => {
    if (!previewOpen) load();
  }, [load, dataVersion, previewOpen]);

  if (items.length === 0) return null;
  return (
    <Card size="small" title={<span className="overdue">{t.dueRevisions}</span>} extra={<span className="muted">{t.dueRevisionsHint}</span>} data-testid="due-revisions">
      <Table<DueRevision>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        scroll={{ y: 160 }}
        columns={[
          {
            title: vi.dossiers.code,
            dataIndex: 'code',
            width: 205,
            render: (c: string, r) => (
              <Button type="link" size="small" className="mono" onClick={() => openDossier({ id: r.dossierId })}>
                {c}
              </Button>
            ),
          },
          { title: vi.dossiers.applicant, dataIndex: 'applicantName', ellipsis: true },
          { title: t.oldDue, dataIndex: 'oldDueAt', width: 150, render: (d: string) => <span className="dyn nowrap">{formatDueVi(d)}</span> },
          {
            title: t.newDue,
            dataIndex: 'newDueAt',
            width: 150,
            render: (d: string) => (
              <strong className="dyn nowrap" data-testid="revision-new-due">
                {formatDueVi(d)}
              </strong>
            ),
          },
          { title: '', dataIndex: 'cause', width: 150, render: (c: string) => <Tag>{t.revisionCause[c] ?? c}</Tag> },
          {
            title: '',
            key: 'reprint',
            width: 140,
            render: (_: unknown, r) => (
              <Button size="small" type="primary" onClick={() => showPreview({ form: 'mau01', dossierId: r.dossierId }, `${vi.intake.code}: ${r.code}`)} data-testid="revision-reprint">
                {t.reprint}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
