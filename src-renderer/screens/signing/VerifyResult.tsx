/** What the shared verifier said about a PDF, in the officer's words: one card per signature. */
import { Alert, Descriptions, List, Space, Tag, Typography } from 'antd';
import { formatDateTimeVi } from '@shared/domain/text';
import type { VerificationResult } from '@shared/rpc/signing';
import { vi } from '../../i18n/vi';

const t = vi.signing;
const STATUS_COLOR = { valid: 'green', warning: 'gold', invalid: 'red', unsigned: 'default' } as const;
const ALERT = { valid: 'success', warning: 'warning', invalid: 'error', unsigned: 'info' } as const;
const CHECK_COLOR = { ok: 'green', warn: 'gold', fail: 'red' } as const;

export function VerifyResult({ result }: { result: VerificationResult }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="verify-result">
      <Alert type={ALERT[result.status]} showIcon title={<span data-testid="verify-status">{t.status[result.status]}</span>} description={result.summary} />
      {result.signatures.map((s) => (
        <div key={s.index} className="verify-signature">
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 190 } }}
            items={[
              { key: 'status', label: t.verdict, children: <Tag color={STATUS_COLOR[s.status]}>{t.status[s.status]}</Tag> },
              { key: 'who', label: t.signer, children: `${s.signerName ?? '—'}${s.organisation ? ` — ${s.organisation}` : ''}` },
              { key: 'issuer', label: vi.signing.trustSubject, children: s.issuerName ?? '—' },
              { key: 'claimed', label: t.claimedAt, children: s.claimedAt ? formatDateTimeVi(s.claimedAt) : '—' },
              { key: 'ts', label: t.timestampAt, children: s.timestampAt ? formatDateTimeVi(s.timestampAt) : '—' },
            ]}
          />
          <List
            size="small"
            dataSource={s.checks}
            renderItem={(c) => (
              <List.Item>
                <Space>
                  <Tag color={CHECK_COLOR[c.result]}>{t.check[c.result]}</Tag>
                  <Typography.Text>{c.message}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </div>
      ))}
    </Space>
  );
}
