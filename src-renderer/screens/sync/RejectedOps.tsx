/** Ops the province refused, with its reasons; an administrator sends a fixed dossier again. */
import { App, Button, Card, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatDateTimeVi } from '@shared/domain/text';
import type { RejectedOp, SyncStatus } from '@shared/rpc/sync';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { useNavigation } from '../../stores/navigation';
import { useSyncStatus } from '../../stores/syncStatus';
import { errorText } from '../../ui/errors';

const t = vi.sync;

export function RejectedOps({ status, isAdmin }: { status: SyncStatus; isAdmin: boolean }) {
  const { message, modal } = App.useApp();
  const refreshStatus = useSyncStatus((s) => s.refresh);
  const openDossier = useNavigation((s) => s.openDossier);
  const [items, setItems] = useState<RejectedOp[]>(status.rejected);

  const load = useCallback(async () => {
    if (!isAdmin) return setItems(status.rejected);
    try {
      setItems((await call('sync.rejected', {})).items);
    } catch (err) {
      message.error(errorText(err));
    }
  }, [isAdmin, status.rejected, message]);

  useEffect(() => {
    void load();
  }, [load]);

  function resubmit(op: RejectedOp) {
    modal.confirm({
      title: `${t.resubmit}: ${op.dossierCode ?? op.entityId}`,
      content: t.resubmitConfirm,
      onOk: async () => {
        try {
          await call('sync.resubmit', { opId: op.opId });
          message.success(t.resubmitted);
          await refreshStatus();
        } catch (err) {
          message.error(errorText(err));
        }
      },
    });
  }

  return (
    <Card size="small" title={t.rejected} data-testid="sync-rejected">
      <Table<RejectedOp>
        size="small"
        rowKey="opId"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t.rejectedNone }}
        columns={[
          {
            title: t.dossier,
            dataIndex: 'dossierCode',
            width: 210,
            render: (code: string | null, op) =>
              code ? (
                <Button type="link" size="small" className="mono" onClick={() => openDossier({ code })}>
                  {code}
                </Button>
              ) : (
                <span className="mono">{op.entityId}</span>
              ),
          },
          { title: t.opType, dataIndex: 'opType', width: 150, render: (op: string) => t.opTypes[op] ?? t.opTypeOther },
          { title: t.reason, dataIndex: 'reason' },
          { title: t.at, dataIndex: 'at', width: 140, render: (at: string) => <span className="dyn">{formatDateTimeVi(at)}</span> },
          ...(isAdmin
            ? [{ title: '', key: 'act', width: 100, render: (_: unknown, op: RejectedOp) => <Button onClick={() => resubmit(op)}>{t.resubmit}</Button> }]
            : []),
        ]}
      />
    </Card>
  );
}
