/** Kiểm tra chữ ký: pick any PDF (or start from a signed copy) and read the verdict. */
import { Alert, Button, Modal, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { VerificationResult } from '@shared/rpc/signing';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';
import { MAX_PDF_BYTES, readFileBase64 } from './readFile';
import { VerifyResult } from './VerifyResult';

const t = vi.signing;

export function VerifyDialog({ fileId, onClose }: { fileId?: string; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<VerificationResult | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const verify = async (pdf: string) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await call('signing.verify', { pdf }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (!fileId) return;
    void (async () => {
      try {
        await verify((await call('signing.download', { fileId })).pdf);
      } catch (err) {
        setError(errorText(err));
      }
    })();
  }, [fileId]);

  const onPick = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_PDF_BYTES) return setError(t.tooBig);
    await verify(await readFileBase64(file));
  };

  return (
    <Modal open title={t.verifyTitle} onCancel={onClose} width={760} footer={<Button onClick={onClose}>{t.cancel}</Button>} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        {!fileId && (
          <>
            <input ref={input} type="file" accept="application/pdf,.pdf" hidden data-testid="verify-file" onChange={(e) => {
                // Cleared so picking the same file again checks it again.
                const file = e.target.files?.[0];
                e.target.value = '';
                void onPick(file);
              }} />
            <Button type="primary" autoFocus onClick={() => input.current?.click()}>
              {t.verifyPick}
            </Button>
          </>
        )}
        {busy && <Spin />}
        {error && <Alert type="error" showIcon title={error} />}
        {result && <VerifyResult result={result} />}
      </Space>
    </Modal>
  );
}
