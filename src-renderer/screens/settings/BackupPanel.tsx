/**
 * Sao lưu: the backups on this machine, a manual one on demand, and restore — which only stages
 * the copy: it takes effect when the app restarts, and core refuses every other call until then.
 */
import { CloudDownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatDateTimeVi } from '@shared/domain/text';
import type { BackupFileInfo } from '@shared/rpc/backup';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';

const t = vi.backup;

function sizeText(bytes: number): string {
  const fmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${fmt.format(bytes / 1024)} KB`;
  return `${fmt.format(bytes / 1024 / 1024)} MB`;
}

export function BackupPanel() {
  const { message } = App.useApp();
  const [items, setItems] = useState<BackupFileInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [restoring, setRestoring] = useState<BackupFileInfo | null>(null);
  const [typed, setTyped] = useState('');
  const [restarting, setRestarting] = useState(false);

  const load = useCallback(async () => {
    try {
      setItems((await call('backup.list', {})).items);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function create() {
    setCreating(true);
    try {
      const b = await call('backup.create', {});
      message.success(`${t.created}: ${b.name}`);
      await load();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setCreating(false);
    }
  }

  async function restore() {
    if (!restoring) return;
    try {
      await call('backup.restore', { name: restoring.name });
      setRestoring(null);
      setRestarting(true);
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <div data-testid="backups">
      {restarting && <Alert type="warning" showIcon title={t.restored} style={{ marginBottom: 12 }} data-testid="restore-pending" />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" icon={<CloudDownloadOutlined aria-hidden />} loading={creating} disabled={restarting} onClick={() => void create()} style={{ marginBottom: 12 }}>
        {t.create}
      </Button>
      <Table<BackupFileInfo>
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t.empty }}
        scroll={{ y: 420 }}
        onRow={() => ({ 'data-testid': 'backup-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t.name, dataIndex: 'name', render: (n: string) => <span className="mono">{n}</span> },
          { title: t.kind, dataIndex: 'kind', width: 170, render: (k: BackupFileInfo['kind']) => <Tag>{t.kinds[k]}</Tag> },
          { title: t.size, dataIndex: 'sizeBytes', width: 110, align: 'right', render: sizeText },
          { title: t.createdAt, dataIndex: 'createdAt', width: 150, render: (at: string) => <span className="dyn">{formatDateTimeVi(at)}</span> },
          {
            title: '',
            key: 'restore',
            width: 130,
            render: (_: unknown, b) => (
              <Button danger size="small" icon={<HistoryOutlined aria-hidden />} disabled={restarting} onClick={() => (setTyped(''), setRestoring(b))}>
                {t.restore}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={restoring !== null}
        title={t.restoreTitle}
        okText={t.restoreOk}
        okButtonProps={{ danger: true, disabled: typed.trim().toLocaleUpperCase('vi') !== t.restoreWord }}
        onOk={() => void restore()}
        onCancel={() => setRestoring(null)}
        destroyOnHidden
      >
        <Alert type="error" showIcon title={restoring?.name} description={t.restoreBody} style={{ marginBottom: 12 }} />
        <Typography.Paragraph>{t.restoreConfirmLabel}</Typography.Paragraph>
        <Input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label={t.restoreConfirmLabel} autoFocus />
      </Modal>
    </div>
  );
}
