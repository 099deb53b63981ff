/**
 * The device's side of pairing: six digits typed on a touch screen's pad (or a keyboard), the
 * token kept, the page shown. Big type; nothing else on screen.
 */
import { Alert, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import type { DeviceSelf } from '@shared/rpc/devices';
import { vi } from '../i18n/vi';
import { call } from '../rpc/client';
import { errorText } from '../ui/errors';
import { saveDeviceToken } from './device-token';

const t = vi.device;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0', 'OK'];

export function PairingScreen({ onPaired }: { onPaired: (device: DeviceSelf, token: string) => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(value: string) {
    if (value.length !== 6 || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('devices.pair', { code: value });
      saveDeviceToken(r.token);
      onPaired(r.device, r.token);
    } catch (err) {
      setError(errorText(err));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  function press(k: string) {
    if (k === '⌫') setCode((c) => c.slice(0, -1));
    else if (k === 'OK') void submit(code);
    else setCode((c) => (c.length < 6 ? c + k : c));
  }

  return (
    <div className="centered-page device-page">
      <Card style={{ width: 460 }}>
        <Typography.Title level={1} className="device-title">
          {t.pairTitle}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 18 }}>{t.pairHint}</Typography.Paragraph>
        <input
          data-testid="pairing-input"
          aria-label={t.codeLabel}
          inputMode="numeric"
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void submit(code);
          }}
          style={{ fontSize: 40, letterSpacing: 12, width: '100%', textAlign: 'center', padding: 8, marginBottom: 12 }}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12, fontSize: 16 }} />}
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8 }}>
          {KEYS.map((k) => (
            <Button key={k} size="large" style={{ height: 64, fontSize: 26 }} type={k === 'OK' ? 'primary' : 'default'} loading={k === 'OK' && busy} onClick={() => press(k)}>
              {k === 'OK' ? t.pair : k === '⌫' ? t.erase : k}
            </Button>
          ))}
        </div>
      </Card>
    </div>
  );
}
