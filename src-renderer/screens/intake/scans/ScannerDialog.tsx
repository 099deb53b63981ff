/**
 * "Quét": the scanners SANE (or WIA) finds, the one chosen, and one page per press of "Quét
 * trang". Finding scanners and scanning take seconds, so each says so while it runs; an unplugged
 * scanner's message comes from core in Vietnamese and nothing is added.
 */
import { Alert, Button, Checkbox, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { vi } from '../../../i18n/vi';
import { call } from '../../../rpc/client';
import { errorText } from '../../../ui/errors';
import type { ScanTarget } from './target';

const t = vi.scans;

/** The scanner chosen last, offered first next time (a counter has one scanner, used all day). */
let lastDevice: string | null = null;

interface Props {
  target: ScanTarget;
  onAdded(): void;
  onClose(): void;
}

export function ScannerDialog({ target, onAdded, onClose }: Props) {
  const [devices, setDevices] = useState<{ id: string; name: string }[] | null>(null);
  const [device, setDevice] = useState<string | null>(lastDevice);
  const [color, setColor] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [scanned, setScanned] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('scans.scanners', {}).then(
      (r) => {
        if (!live) return;
        setDevices(r.items);
        setDevice((d) => (d && r.items.some((i) => i.id === d) ? d : (r.items[0]?.id ?? null)));
      },
      (err: unknown) => {
        if (!live) return;
        setDevices([]);
        setError(errorText(err));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  async function scan() {
    if (!device) return;
    setScanning(true);
    setError(null);
    lastDevice = device;
    try {
      const { pages } = await call('scans.scan', { ...target, device, color });
      setScanned((n) => n + pages.length);
      onAdded();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setScanning(false);
    }
  }

  return (
    <Modal
      open
      title={t.scannerTitle(target.item.name)}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={onClose}>{t.done}</Button>
          <Button type="primary" onClick={() => void scan()} loading={scanning} disabled={!device} data-testid="scanner-scan">
            {t.scanPage}
          </Button>
        </Space>
      }
    >
      {devices === null ? (
        <Typography.Text role="status">{t.findingScanners}</Typography.Text>
      ) : devices.length === 0 ? (
        <Alert type="warning" showIcon title={t.noScanner} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <label htmlFor="scanner-device">{t.scanner}</label>
          <Select id="scanner-device" aria-label={t.scanner} value={device ?? undefined} onChange={setDevice} options={devices.map((d) => ({ value: d.id, label: `${d.name} (${d.id})` }))} style={{ width: '100%' }} />
          <Checkbox checked={color} onChange={(e) => setColor(e.target.checked)}>
            {t.color}
          </Checkbox>
        </Space>
      )}
      {scanning && (
        <Typography.Paragraph role="status" style={{ marginTop: 8 }}>
          {t.scanning}
        </Typography.Paragraph>
      )}
      {scanned > 0 && !scanning && (
        <Typography.Paragraph role="status" type="success" style={{ marginTop: 8 }} data-testid="scanner-done">
          {t.scannedPages(scanned)}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="scanner-error" />}
    </Modal>
  );
}
