/**
 * Cài đặt › Ký số: the signatures still waiting for their timestamp (with "Bổ sung ngay"), a
 * check of any PDF, and for administrators the token library, the timestamp server, the seal and
 * the trust list.
 */
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatDateTimeVi } from '@shared/domain/text';
import type { SignatureRecord } from '@shared/rpc/signing';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';
import { SignatureLevelTag } from './DossierFiles';
import { SigningAdmin } from './SigningAdmin';
import { VerifyDialog } from './VerifyDialog';

const t = vi.signing;

export function SigningPanel({ isAdmin }: { isAdmin: boolean }) {
  const [pending, setPending] = useState<SignatureRecord[]>([]);
  const [count, setCount] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ type: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(async () => {
    try {
      const r = await call('signing.list', { missingTimestamp: true });
      setPending(r.items);
      setCount(r.missingTimestamp);
    } catch (err) {
      setMessage({ type: 'error', text: errorText(err) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const augment = async () => {
    setBusy(true);
    try {
      const r = await call('signing.augmentNow', {});
      setMessage({ type: r.error ? 'info' : 'success', text: `${t.augmented(r.completed, r.remaining)}${r.error ? ` ${r.error}` : ''}` });
      await load();
    } catch (err) {
      setMessage({ type: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="signing-panel" style={{ maxWidth: 980 }}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text strong data-testid="missing-timestamp-count">
          {t.missingCount(count)}
        </Typography.Text>
        <Button onClick={() => void augment()} loading={busy} disabled={count === 0}>
          {t.augmentNow}
        </Button>
        <Button onClick={() => setVerifying(true)} data-testid="open-verify">
          {t.verifyTitle}
        </Button>
      </Space>
      {message && <Alert type={message.type} showIcon title={message.text} closable onClose={() => setMessage(null)} style={{ marginBottom: 12 }} />}
      {pending.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={pending}
          data-testid="missing-timestamp-list"
          columns={[
            { title: t.document, dataIndex: 'fileLabel' },
            { title: t.signer, dataIndex: 'signerName' },
            { title: t.signedAt, dataIndex: 'signedAt', width: 140, render: (v: string) => formatDateTimeVi(v) },
            { title: t.level, width: 170, render: (_: unknown, s: SignatureRecord) => <SignatureLevelTag record={s} /> },
            { title: '', dataIndex: 'lastError', render: (e: string | null) => <span className="muted">{e ?? ''}</span> },
          ]}
        />
      )}
      {isAdmin && <SigningAdmin />}
      {verifying && <VerifyDialog onClose={() => setVerifying(false)} />}
    </div>
  );
}
