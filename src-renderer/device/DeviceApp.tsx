/**
 * The citizen pages' shell on a paired LAN device: pairing when it holds no token, then its page;
 * back to pairing the moment an administrator revokes it (its event stream ends) or core refuses
 * its token. A device opened at another page's address is told which page it is paired for. A host
 * that cannot answer is asked again until it does: nobody stands at a device to reload it.
 */
import { Alert, App as AntApp, Card, ConfigProvider, Spin, Typography } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { useEffect, useState } from 'react';
import type { DeviceScope } from '@shared/rpc';
import type { DeviceSelf } from '@shared/rpc/devices';
import { vi } from '../i18n/vi';
import { call, RpcError, setToken, subscribeEvents } from '../rpc/client';
import { errorText } from '../ui/errors';
import { UI_FONT_FAMILY } from '../ui/font';
import { useMotionToken } from '../../src-ui/reduced-motion';
import { DEVICE_PATHS } from './device-pages';
import { RETRY_MS } from './DeviceLoadBoundary';
import { forgetDeviceToken, loadDeviceToken } from './device-token';
import { PairingScreen } from './PairingScreen';
import { DisplayPage } from './display/DisplayPage';
import { KioskPage } from './kiosk/KioskPage';
import { LookupPage } from './lookup/LookupPage';
import { BoardPage } from './board/BoardPage';
import { RatingPage } from './rating/RatingPage';
import './device.css';

const t = vi.device;

type State = { phase: 'loading' } | { phase: 'pairing' } | { phase: 'paired'; device: DeviceSelf } | { phase: 'unavailable'; error: string };

function DevicePhase({ page }: { page: DeviceScope }) {
  const [state, setState] = useState<State>({ phase: 'loading' });

  // Who this device is. Asked again every RETRY_MS while the host cannot say: a device switched on
  // before the counter PC that serves it would otherwise show the error until somebody reloads it.
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    const token = loadDeviceToken();
    if (!token) {
      setState({ phase: 'pairing' });
      return;
    }
    setToken(token);
    let current = true;
    call('devices.me', {})
      .then((device) => current && setState({ phase: 'paired', device }))
      .catch((err) => {
        if (!current) return;
        if (err instanceof RpcError && err.code === 'UNAUTHENTICATED') {
          forgetDeviceToken();
          setToken(null);
          setState({ phase: 'pairing' });
        } else setState({ phase: 'unavailable', error: errorText(err) });
      });
    return () => {
      current = false;
    };
  }, [asked]);
  const unavailable = state.phase === 'unavailable';
  useEffect(() => {
    if (!unavailable) return;
    const again = setTimeout(() => setAsked((n) => n + 1), RETRY_MS);
    return () => clearTimeout(again);
  }, [unavailable, asked]);

  const pairedId = state.phase === 'paired' ? state.device.id : null;
  useEffect(() => {
    if (!pairedId) return;
    return subscribeEvents((name) => {
      // An administrator moved this device (a rating tablet to another counter): ask who it is now.
      if (name === 'device.changed') {
        call('devices.me', {})
          .then((device) => setState({ phase: 'paired', device }))
          .catch((err: unknown) => console.error('devices.me failed', err));
        return;
      }
      if (name !== 'session.ended') return;
      forgetDeviceToken();
      setToken(null);
      setState({ phase: 'pairing' });
    });
  }, [pairedId]);

  switch (state.phase) {
    case 'loading':
      return (
        <div className="centered-page">
          <Spin size="large" />
        </div>
      );
    case 'unavailable':
      return (
        <div className="centered-page">
          <Alert type="error" showIcon title={state.error} description={t.retrying} data-testid="device-unavailable" />
        </div>
      );
    case 'pairing':
      return (
        <PairingScreen
          onPaired={(device, token) => {
            setToken(token);
            setState({ phase: 'paired', device });
          }}
        />
      );
    case 'paired': {
      const { device } = state;
      if (device.scope === page && page === 'display') return <DisplayPage />;
      if (device.scope === page && page === 'kiosk') return <KioskPage />;
      if (device.scope === page && page === 'lookup') return <LookupPage />;
      // The board also runs on the ticket kiosk and the lookup kiosk: their scopes may read it.
      if (page === 'board' && ['board', 'kiosk', 'lookup'].includes(device.scope)) return <BoardPage home={device.scope === 'board' ? null : DEVICE_PATHS[device.scope]} />;
      if (device.scope === page && page === 'rating') return <RatingPage counterNo={device.counterNo} />;
      const scopeName = vi.devices.scopes[device.scope];
      return (
        <div className="centered-page device-page" data-testid="device-paired">
          <Card style={{ maxWidth: 640 }}>
            <Typography.Title level={1} className="device-title">
              {device.label}
            </Typography.Title>
            <Typography.Paragraph style={{ fontSize: 20 }}>
              {device.counterNo ? t.pairedAsCounter(scopeName, device.counterNo) : t.pairedAs(scopeName)}
            </Typography.Paragraph>
            {device.scope !== page && (
              <Alert type="warning" showIcon title={t.wrongPage(scopeName)} description={<a href={DEVICE_PATHS[device.scope]}>{t.openOwnPage}</a>} />
            )}
          </Card>
        </div>
      );
    }
  }
}

export function DeviceApp({ page }: { page: DeviceScope }) {
  const motion = useMotionToken();
  return (
    <ConfigProvider locale={viVN} theme={{ token: { fontSize: 18, colorPrimary: '#1d5fb4', fontFamily: UI_FONT_FAMILY, motion } }}>
      <AntApp>
        {/* One main landmark around whichever page the device shows (screen readers, axe). */}
        <main>
          <DevicePhase page={page} />
        </main>
      </AntApp>
    </ConfigProvider>
  );
}
