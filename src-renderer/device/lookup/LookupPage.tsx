/**
 * Ki-ốt tra cứu hồ sơ: the citizen holds the receipt's QR to the camera or the USB scanner (which
 * types into the focused field and presses Enter), or types the dossier code and the last four
 * digits of the phone declared at the counter. The answer comes from this commune's own database,
 * internet or not, and shows only what the receipt shows. The page goes back to its start after a
 * pause, so the next person never sees the previous one's dossier.
 */
import { Alert, Button, Form, Input } from 'antd';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatDueVi } from '@shared/domain/deadline';
import { formatDateTimeVi } from '@shared/domain/text';
import type { LookupResult } from '@shared/rpc/lookup';
import { receiptFromQrText } from '@shared/sync/lookup-key';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';
import { CameraScanner } from './CameraScanner';

const t = vi.lookup;
/** Long enough to read the appointment; short enough that the next person does not see it. */
export const LOOKUP_IDLE_MS = 45_000;

type Phase = { kind: 'start' } | { kind: 'camera' } | { kind: 'result'; result: LookupResult };

export function LookupPage() {
  const [phase, setPhase] = useState<Phase>({ kind: 'start' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string; phoneLast4: string }>();
  const scanField = useRef<HTMLInputElement | null>(null);
  const [scanned, setScanned] = useState('');
  const [lastActivity, setLastActivity] = useState(0);

  const reset = useCallback(() => {
    setPhase({ kind: 'start' });
    setError(null);
    setScanned('');
    form.resetFields();
  }, [form]);

  // Any answer, error or half-typed form goes away after a pause without a touch.
  useEffect(() => {
    if (phase.kind === 'start' && !error && lastActivity === 0) return;
    const timer = setTimeout(() => {
      reset();
      setLastActivity(0);
    }, LOOKUP_IDLE_MS);
    return () => clearTimeout(timer);
  }, [phase, error, lastActivity, reset]);

  useEffect(() => {
    if (phase.kind === 'start') scanField.current?.focus();
  }, [phase]);

  const ask = useCallback(async (input: { code: string; key: string } | { code: string; phoneLast4: string }) => {
    setBusy(true);
    setError(null);
    try {
      setPhase({ kind: 'result', result: await call('lookup.dossier', input) });
    } catch (err) {
      setError(errorText(err));
      setPhase({ kind: 'start' });
    } finally {
      setBusy(false);
    }
  }, []);

  const onScanned = useCallback(
    (text: string) => {
      setScanned('');
      const receipt = receiptFromQrText(text);
      if (!receipt) {
        setPhase({ kind: 'start' });
        setError(t.notReceiptQr);
        return;
      }
      if (receipt.key) {
        void ask({ code: receipt.code, key: receipt.key });
        return;
      }
      // A receipt printed without a key (no hub, or another form): the phone's digits are asked.
      setPhase({ kind: 'start' });
      setError(null);
      form.setFieldsValue({ code: receipt.code, phoneLast4: '' });
      setLastActivity(performance.now());
      requestAnimationFrame(() => document.getElementById('lookup-phone')?.focus());
    },
    [form, ask],
  );

  function onScanKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' && scanned.trim()) onScanned(scanned);
  }

  if (phase.kind === 'result') {
    const r = phase.result;
    return (
      <div className="device-lookup" data-testid="lookup-result">
        <h1>{t.resultTitle}</h1>
        <table className="device-lookup-facts">
          <tbody>
            <tr>
              <th>{t.code}</th>
              <td data-testid="lookup-code">{r.code}</td>
            </tr>
            <tr>
              <th>{t.procedure}</th>
              <td>{r.procedureName}</td>
            </tr>
            <tr>
              <th>{t.status}</th>
              <td data-testid="lookup-status">{r.statusLabel}</td>
            </tr>
            <tr>
              <th>{t.receivedAt}</th>
              <td>{formatDateTimeVi(r.receivedAt)}</td>
            </tr>
            <tr>
              <th>{r.returnedAt ? t.returnedAt : t.appointment}</th>
              <td data-testid="lookup-appointment">{r.returnedAt ? formatDateTimeVi(r.returnedAt) : formatDueVi(r.appointmentAt)}</td>
            </tr>
          </tbody>
        </table>
        <Button type="primary" size="large" className="device-lookup-done" onClick={reset}>
          {t.done}
        </Button>
      </div>
    );
  }

  return (
    <div className="device-lookup" data-testid="lookup" onPointerDown={() => setLastActivity(performance.now())}>
      <h1>{t.title}</h1>
      {error && <Alert type="warning" showIcon title={error} data-testid="lookup-error" style={{ marginBottom: 24 }} />}
      <section className="device-lookup-scan">
        <h2>{t.scanTitle}</h2>
        <p>{t.scanHint}</p>
        <Input
          ref={(el) => {
            scanField.current = el?.input ?? null;
          }}
          size="large"
          value={scanned}
          onChange={(e) => setScanned(e.target.value)}
          onKeyDown={onScanKey}
          placeholder={t.scanPlaceholder}
          aria-label={t.scanPlaceholder}
          data-testid="lookup-scan"
          autoComplete="off"
        />
        {phase.kind === 'camera' ? (
          <>
            <CameraScanner onText={onScanned} />
            <Button size="large" onClick={() => setPhase({ kind: 'start' })}>
              {t.cameraOff}
            </Button>
          </>
        ) : (
          <Button size="large" onClick={() => setPhase({ kind: 'camera' })} data-testid="lookup-camera-on">
            {t.cameraOn}
          </Button>
        )}
      </section>
      <section className="device-lookup-manual">
        <h2>{t.manualTitle}</h2>
        <Form
          form={form}
          layout="vertical"
          onValuesChange={() => setLastActivity(performance.now())}
          onFinish={(v) => void ask({ code: v.code.trim(), phoneLast4: v.phoneLast4.trim() })}
        >
          <Form.Item name="code" label={t.code} rules={[{ required: true, message: t.codeRequired }]}>
            <Input size="large" autoComplete="off" data-testid="lookup-code-input" />
          </Form.Item>
          <Form.Item name="phoneLast4" label={t.phoneLast4} htmlFor="lookup-phone" rules={[{ required: true, pattern: /^\d{4}$/, message: t.phoneRequired }]}>
            <Input id="lookup-phone" size="large" inputMode="numeric" maxLength={4} autoComplete="off" data-testid="lookup-phone" />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" loading={busy} data-testid="lookup-submit">
            {t.submit}
          </Button>
        </Form>
      </section>
    </div>
  );
}
