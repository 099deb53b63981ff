/**
 * "Lấy từ thư mục quét": the files a scanner saved into the scan folder, oldest first, ticked by
 * default; the chosen ones become this item's pages and core moves them aside (never deletes).
 */
import { Alert, Button, Checkbox, Empty, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatDateTimeVi } from '@shared/domain/text';
import { vi } from '../../../i18n/vi';
import { call } from '../../../rpc/client';
import { errorText } from '../../../ui/errors';
import type { ScanTarget } from './target';

const t = vi.scans;

interface Props {
  target: ScanTarget;
  onAdded(): void;
  onClose(): void;
}

type Listing = { dir: string; files: { name: string; size: number; modifiedAt: string }[] };

export function FolderDialog({ target, onAdded, onClose }: Props) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [taking, setTaking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function load() {
    call('scans.folder', {}).then(
      (r) => {
        setListing(r);
        setChosen(r.files.map((f) => f.name));
      },
      (err: unknown) => setError(errorText(err)),
    );
  }
  useEffect(load, []);

  async function take() {
    setTaking(true);
    setError(null);
    try {
      await call('scans.addFromFolder', { ...target, names: chosen.slice(0, 50), color: false });
      onAdded();
      onClose();
    } catch (err) {
      // Files before the refused one are stored already: the list shows what is left.
      setError(errorText(err));
      onAdded();
      load();
    } finally {
      setTaking(false);
    }
  }

  return (
    <Modal
      open
      title={t.folderTitle(target.item.name)}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={onClose}>{t.cancel}</Button>
          <Button type="primary" loading={taking} disabled={chosen.length === 0} onClick={() => void take()} data-testid="folder-take">
            {t.takeFiles(chosen.length)}
          </Button>
        </Space>
      }
    >
      {listing && (
        <Typography.Paragraph type="secondary">
          {t.folderIs} <Typography.Text code>{listing.dir}</Typography.Text>
        </Typography.Paragraph>
      )}
      {listing && listing.files.length === 0 && <Empty description={t.folderEmpty} />}
      {listing && listing.files.length > 0 && (
        <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          {listing.files.map((f) => (
            <Checkbox key={f.name} value={f.name}>
              <span data-testid="folder-file">
                {f.name} <Typography.Text type="secondary">— {Math.max(1, Math.round(f.size / 1024))} KB, {formatDateTimeVi(f.modifiedAt)}</Typography.Text>
              </span>
            </Checkbox>
          ))}
        </Checkbox.Group>
      )}
      {taking && <Typography.Paragraph role="status">{t.taking}</Typography.Paragraph>}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="folder-error" />}
    </Modal>
  );
}
