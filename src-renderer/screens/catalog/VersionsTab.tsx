/**
 * Catalog versions, and the administrator's import (the province's JSON distribution, checked by
 * core and kept as a new version) and export (to hand the commune's catalog to another desk).
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { formatDateTimeVi, formatDateVi } from '@shared/domain/text';
import type { RpcOutput } from '@shared/rpc';
import { vi } from '../../i18n/vi';
import { originText, versionSourceText } from './catalog-text';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';

const t = vi.catalog;
type Version = RpcOutput<'catalog.versions'>['items'][number];

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function VersionsTab({ isAdmin, onImported }: { isAdmin: boolean; onImported(): void }) {
  const { modal, message } = App.useApp();
  const [items, setItems] = useState<Version[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    call('catalog.versions', {})
      .then((r) => setItems(r.items))
      .catch((err) => setError(errorText(err)));
  }, [reload]);

  async function importFile(file: File) {
    let catalog: unknown;
    try {
      catalog = JSON.parse(await file.text());
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw err;
      setError(t.importBadJson);
      return;
    }
    modal.confirm({
      title: t.import,
      content: `${t.importConfirm} (${file.name})`,
      okText: t.import,
      cancelText: vi.common.cancel,
      onOk: async () => {
        try {
          const v = await call('catalog.import', { catalog });
          message.success(`${t.importDone}: ${v.version} (${v.procedures} ${t.procedures.toLowerCase()})`);
          setError(null);
          setReload((n) => n + 1);
          onImported();
        } catch (err) {
          setError(errorText(err));
        }
      },
    });
  }

  async function exportCatalog() {
    try {
      const c = await call('catalog.export', {});
      download(`danh-muc-${c.version}.json`, JSON.stringify(c, null, 2));
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <div data-testid="catalog-versions">
      <Space style={{ marginBottom: 8 }}>
        {isAdmin && (
          <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => (void importFile(f), false)}>
            <Button icon={<UploadOutlined aria-hidden />}>{t.import}</Button>
          </Upload>
        )}
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void exportCatalog()}>
          {t.export}
        </Button>
      </Space>
      {!isAdmin && <Alert type="info" showIcon title={t.adminOnly} style={{ marginBottom: 8 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} closable={{ onClose: () => setError(null) }} />}
      <Table<Version>
        size="small"
        rowKey="id"
        dataSource={items}
        pagination={false}
        columns={[
          { title: t.version, dataIndex: 'version', width: 140 },
          { title: t.publishedAt, dataIndex: 'publishedAt', width: 120, render: (v: string) => formatDateVi(v) },
          { title: t.origin, dataIndex: 'origin', width: 130, render: originText },
          { title: t.importedAt, dataIndex: 'importedAt', width: 150, render: (v: string) => formatDateTimeVi(v) },
          { title: t.procedureCount, dataIndex: 'procedures', width: 100, align: 'right' },
          { title: t.sources, dataIndex: 'source', ellipsis: true, render: (source: string | null, v) => versionSourceText(v.origin, source) },
        ]}
      />
    </div>
  );
}
