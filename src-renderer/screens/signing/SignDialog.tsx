/**
 * Ký số one document: pick a certificate from the token (each already checked by core), say in
 * which capacity, type the PIN, follow the steps. The PIN lives in this dialog's state only, for
 * one call, and is cleared whatever the answer; it never enters a store.
 */
import { Alert, Button, Form, Input, Modal, Radio, Space, Spin, Steps, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatDateVi } from '@shared/domain/text';
import type { SignatureRecord, SigningRole, SigningStep, TokenCertificateInfo } from '@shared/rpc/signing';
import { vi } from '../../i18n/vi';
import { call, subscribeEvents } from '../../rpc/client';
import { errorText } from '../../ui/errors';

const t = vi.signing;
const STEPS: SigningStep[] = ['checking', 'pin', 'signing', 'timestamp', 'saving'];

export type SignSource = { kind: 'print'; printRecordId: string } | { kind: 'file'; fileId: string };

const keyOf = (c: Pick<TokenCertificateInfo, 'tokenSerial' | 'id'>) => `${c.tokenSerial}/${c.id}`;

export function SignDialog({ source, title, defaultRole, onClose, onSigned }: { source: SignSource; title: string; defaultRole: SigningRole; onClose(): void; onSigned(record: SignatureRecord): void }) {
  const [certs, setCerts] = useState<TokenCertificateInfo[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [role, setRole] = useState<SigningRole>(defaultRole);
  const [pin, setPin] = useState('');
  const [step, setStep] = useState<SigningStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<SignatureRecord | null>(null);
  const pinInput = useRef<{ focus(): void } | null>(null);

  const load = useCallback(async () => {
    setCerts(null);
    setLoadError(null);
    try {
      const { items } = await call('signing.certificates', {});
      setCerts(items);
      const first = items.find((c) => c.usable);
      if (first) setChosen((current) => current ?? keyOf(first));
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const sign = async () => {
    const cert = certs?.find((c) => keyOf(c) === chosen);
    if (!cert || pin.length === 0) return;
    const requestId = crypto.randomUUID();
    const unsubscribe = subscribeEvents((name, payload) => {
      if (name === 'signing.progress' && (payload as { requestId: string }).requestId === requestId) setStep((payload as { step: SigningStep }).step);
    });
    setError(null);
    setStep('checking');
    try {
      const record = await call('signing.sign', { source, role, certificate: { tokenSerial: cert.tokenSerial, id: cert.id }, pin, requestId });
      setDone(record);
      onSigned(record);
    } catch (err) {
      setError(errorText(err));
      setStep(null);
    } finally {
      setPin('');
      unsubscribe();
    }
  };

  const busy = step !== null && !done;
  // After a refusal the officer types the PIN again: back to the field once it is enabled.
  useEffect(() => {
    if (error && !busy) pinInput.current?.focus();
  }, [error, busy]);
  return (
    <Modal
      open
      title={`${t.signTitle}: ${title}`}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      maskClosable={false}
      width={720}
      destroyOnHidden
      footer={
        done ? (
          <Button type="primary" onClick={onClose} autoFocus>
            {t.cancel}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose} disabled={busy}>
              {t.cancel}
            </Button>
            <Button type="primary" onClick={() => void sign()} loading={busy} disabled={!chosen || pin.length < 4} data-testid="sign-submit">
              {t.sign}
            </Button>
          </Space>
        )
      }
    >
      <div data-testid="sign-dialog">
        {done ? (
          <Alert type={done.level === 'B-T' ? 'success' : 'warning'} showIcon title={t.signed} description={done.level === 'B-T' ? t.signedT : t.signedB} data-testid="sign-done" />
        ) : (
          <Form layout="vertical" onFinish={() => void sign()} disabled={busy}>
            <Form.Item label={t.certificate}>
              {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 8 }} />}
              {!certs && !loadError && <Spin tip={t.loadingCertificates} />}
              {certs && certs.length === 0 && <Alert type="info" showIcon title={t.noCertificates} />}
              {certs && certs.length > 0 && (
                <Radio.Group value={chosen} onChange={(e) => setChosen(e.target.value as string)} style={{ width: '100%' }} data-testid="certificates">
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {certs.map((c) => (
                      <Radio key={keyOf(c)} value={keyOf(c)} disabled={!c.usable} data-testid={`cert-${c.label}`}>
                        <strong>{c.commonName}</strong>
                        {c.organisation ? ` — ${c.organisation}` : ''}
                        <div className="muted">
                          {c.issuerName} · {t.validUntil(formatDateVi(c.notAfter))}
                          {c.pinState !== 'ok' && ` · ${t.pinStates[c.pinState]}`}
                        </div>
                        {c.problem && <Typography.Text type="danger">{c.problem}</Typography.Text>}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              )}
              <Button type="link" onClick={() => void load()} style={{ paddingLeft: 0 }}>
                {t.reloadCertificates}
              </Button>
            </Form.Item>
            <Form.Item label={t.role}>
              <Radio.Group value={role} onChange={(e) => setRole(e.target.value as SigningRole)}>
                <Radio value="officer">{t.roles.officer}</Radio>
                <Radio value="organisation">{t.roles.organisation}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item label={t.pin} extra={t.pinHint}>
              <Input.Password
                ref={pinInput as never}
                value={pin}
                onChange={(e) => setPin(e.target.value)}
                autoComplete="off"
                autoFocus
                maxLength={64}
                onPressEnter={() => void sign()}
                data-testid="sign-pin"
              />
            </Form.Item>
          </Form>
        )}
        {step && <Steps size="small" current={Math.max(0, STEPS.indexOf(step === 'done' ? 'saving' : step))} status={done ? 'finish' : 'process'} items={STEPS.map((s) => ({ title: t.steps[s] }))} style={{ marginTop: 12 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="sign-error" />}
      </div>
    </Modal>
  );
}
