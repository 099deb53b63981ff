/** Thêm tệp PDF to a dossier: a digitised paper or the electronic result, ready to be signed. */
import { Alert, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { DossierFileInfo } from '@shared/rpc/signing';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';
import { MAX_PDF_BYTES, readFileBase64 } from './readFile';

const t = vi.signing;

export function AddFileDialog({ dossierId, onClose, onAdded }: { dossierId: string; onClose(): void; onAdded(file: DossierFileInfo): void }) {
  const [kind, setKind] = useState<'document' | 'result'>('document');
  const [label, setLabel] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const pick = (f: File | undefined) => {
    setError(null);
    if (!f) return;
    if (f.size > MAX_PDF_BYTES) return setError(t.tooBig);
    if (!/\.pdf$/i.test(f.name) && f.type !== 'application/pdf') return setError(t.notPdf);
    setFile(f);
    if (!label) setLabel(f.name.replace(/\.pdf$/i, ''));
  };

  const save = async () => {
    if (!file || !label.trim()) return;
    setBusy(true);
    setError(null);
    try {
      onAdded(await call('signing.addFile', { dossierId, kind, label: label.trim(), pdf: await readFileBase64(file) }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t.addFileTitle}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t.cancel}</Button>
          <Button type="primary" loading={busy} disabled={!file || !label.trim()} onClick={() => void save()} data-testid="add-file-save">
            {t.addFile}
          </Button>
        </Space>
      }
    >
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item label={t.fileKind}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as 'document' | 'result')}>
            <Radio value="document">{t.kinds.document}</Radio>
            <Radio value="result">{t.kinds.result}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t.pickPdf}>
          <input ref={input} type="file" accept="application/pdf,.pdf" hidden data-testid="add-file-input" onChange={(e) => pick(e.target.files?.[0])} />
          <Space>
            <Button autoFocus onClick={() => input.current?.click()}>
              {t.pickPdf}
            </Button>
            {file && <Typography.Text>{file.name}</Typography.Text>}
          </Space>
        </Form.Item>
        <Form.Item label={t.fileLabel}>
          <Input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} data-testid="add-file-label" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
