/**
 * Tệp đồng bộ mang bằng USB: the admin picks the folder a commune's counter exported to
 * (`dong-bo.json` and its `dong-bo.json.files` folder). Each signed bundle is imported (its ops,
 * then its pages' claims), and every file the hub still lacks is sent from the folder, one at a
 * time, each checked at the hub against the hash the bundle signed. A refused file is listed with
 * the hub's reason; nothing is recorded for it.
 */
import { Alert, Button, Card, Descriptions, Progress, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AdminOutput } from '@shared/hub-admin/api';
import { bundleFileRelativePath } from '@shared/sync/offline-bundle';
import { sendBundleFile } from '../api/bundle-files';
import { vi } from '../i18n/vi';
import { callAdmin } from '../stores/session';

const t = vi.usb;

type Imported = AdminOutput<'offlineBundles.import'>;
interface FileRow {
  sha256: string;
  state: 'waiting' | 'stored' | 'held' | 'absent' | 'refused';
  message?: string;
}
interface BundleRun {
  name: string;
  imported?: Imported;
  error?: string;
  files: FileRow[];
  bytesDone: number;
  bytesTotal: number;
}

const STATE_COLOR = { waiting: 'default', stored: 'green', held: 'blue', absent: 'gold', refused: 'red' } as const;

/** The path of a picked file inside the chosen folder, without the folder's own name. */
const relative = (file: File) => file.webkitRelativePath.split('/').slice(1).join('/');

export function UsbBundles() {
  const folderInput = useRef<HTMLInputElement>(null);
  const [runs, setRuns] = useState<BundleRun[]>([]);
  const [busy, setBusy] = useState(false);
  const [noBundle, setNoBundle] = useState(false);

  useEffect(() => {
    // Not in React's input props: lets the officer pick the whole folder, sub-folders included.
    if (folderInput.current) folderInput.current.webkitdirectory = true;
  }, []);

  const importFolder = async (picked: File[]) => {
    if (picked.length === 0) return;
    setBusy(true);
    const byPath = new Map(picked.map((f) => [relative(f), f]));
    const bundles = picked.filter((f) => relative(f).endsWith('.json') && !relative(f).includes('.files/'));
    setNoBundle(bundles.length === 0);
    const all: BundleRun[] = bundles.map((f) => ({ name: relative(f), files: [], bytesDone: 0, bytesTotal: 0 }));
    const show = () => setRuns(all.map((r) => ({ ...r, files: [...r.files] })));
    show();
    try {
      for (const [i, file] of bundles.entries()) {
        const run = all[i]!;
        let parsed: unknown;
        try {
          parsed = JSON.parse(await file.text());
        } catch (err) {
          if (!(err instanceof SyntaxError)) throw err;
          run.error = t.notJson;
          show();
          continue;
        }
        try {
          run.imported = await callAdmin('offlineBundles.import', { input: parsed });
        } catch (err) {
          run.error = err instanceof Error ? err.message : String(err);
          show();
          continue;
        }
        const sources = run.imported.files.missing.map((sha256) => ({ sha256, blob: byPath.get(`${run.name}.files/${bundleFileRelativePath(sha256)}`) }));
        run.files = sources.map(({ sha256, blob }) => ({ sha256, state: blob ? 'waiting' : 'absent', message: blob ? undefined : t.absent }));
        run.bytesTotal = sources.reduce((n, s) => n + (s.blob?.size ?? 0), 0);
        show();
        for (const [j, { sha256, blob }] of sources.entries()) {
          if (!blob) continue;
          try {
            const answer = await sendBundleFile(sha256, blob);
            run.files[j] = { sha256, state: answer.stored ? 'stored' : 'held' };
          } catch (err) {
            run.files[j] = { sha256, state: 'refused', message: err instanceof Error ? err.message : String(err) };
          }
          run.bytesDone += blob.size;
          show();
        }
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Card title={t.title}>
        <Typography.Paragraph>{t.explain}</Typography.Paragraph>
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          data-testid="usb-bundle-folder"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void importFolder(files);
          }}
        />
        <Button type="primary" loading={busy} onClick={() => folderInput.current?.click()}>
          {t.pick}
        </Button>
      </Card>
      {noBundle ? <Alert type="warning" showIcon title={t.noBundle} /> : null}
      {runs.map((run) => (
        <Card key={run.name} title={t.bundle(run.name)} data-testid="usb-bundle-run">
          {run.error ? <Alert type="error" showIcon title={run.error} /> : null}
          {run.imported ? (
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t.commune}>{run.imported.communeCode}</Descriptions.Item>
              <Descriptions.Item label={t.fingerprint}>{run.imported.fingerprint}</Descriptions.Item>
              <Descriptions.Item label={t.ops}>
                {t.opCounts(run.imported.summary.applied ?? 0, run.imported.summary.duplicate ?? 0, (run.imported.summary.rejected ?? 0) + (run.imported.summary.retry_later ?? 0))}
              </Descriptions.Item>
              <Descriptions.Item label={t.files}>{t.fileCounts(run.files.filter((f) => f.state === 'stored' || f.state === 'held').length, run.files.length)}</Descriptions.Item>
            </Descriptions>
          ) : null}
          {run.bytesTotal > 0 ? (
            <Progress
              percent={Math.round((100 * run.bytesDone) / run.bytesTotal)}
              status={run.files.some((f) => f.state === 'refused' || f.state === 'absent') ? 'exception' : undefined}
              aria-label={t.progress}
            />
          ) : null}
          {run.imported && run.imported.files.refused.length > 0 ? (
            <Alert type="warning" showIcon title={t.pagesRefused(run.imported.files.refused.length)} description={[...new Set(run.imported.files.refused.map((r) => r.message))].join(' ')} />
          ) : null}
          {run.files.length > 0 ? (
            <Table<FileRow>
              rowKey="sha256"
              size="small"
              dataSource={run.files}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: t.file, width: 220, render: (_, r) => <Typography.Text code>{r.sha256.slice(0, 16)}…</Typography.Text> },
                { title: t.state, width: 160, render: (_, r) => <Tag color={STATE_COLOR[r.state]}>{t.states[r.state]}</Tag> },
                { title: t.reason, dataIndex: 'message' },
              ]}
            />
          ) : run.imported ? (
            <Typography.Text type="secondary">{t.noFiles}</Typography.Text>
          ) : null}
        </Card>
      ))}
    </Space>
  );
}
