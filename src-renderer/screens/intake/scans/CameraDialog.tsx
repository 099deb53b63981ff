/**
 * "Chụp ảnh" for communes without a scanner: the webcam or document camera through getUserMedia,
 * one page per "Chụp", sent as a JPEG like a chosen file (source `camera`); core turns it into a
 * gray PDF page at the paper's size. The camera is released when the dialog closes.
 */
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { vi } from '../../../i18n/vi';
import { errorText } from '../../../ui/errors';
import type { ScanTarget } from './target';
import { uploadFile } from './upload';

const t = vi.scans;

interface Props {
  target: ScanTarget;
  onAdded(): void;
  onClose(): void;
}

export function CameraDialog({ target, onAdded, onClose }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);
  const [taking, setTaking] = useState(false);
  const [taken, setTaken] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let live = true;
    if (!navigator.mediaDevices?.getUserMedia) {
      setError(t.noCamera);
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then(async (s) => {
        if (!live) return s.getTracks().forEach((k) => k.stop());
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          await video.current.play();
        }
        setReady(true);
      })
      .catch((err: unknown) => live && setError(`${t.noCamera} (${errorText(err)})`));
    return () => {
      live = false;
      stream?.getTracks().forEach((k) => k.stop());
    };
  }, []);

  async function capture() {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    setTaking(true);
    setError(null);
    try {
      const canvas = document.createElement('canvas');
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      canvas.getContext('2d')!.drawImage(v, 0, 0);
      const jpeg = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(t.cameraFailed))), 'image/jpeg', 0.92));
      await uploadFile(jpeg, target, 'camera', () => {});
      setTaken((n) => n + 1);
      onAdded();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setTaking(false);
    }
  }

  return (
    <Modal
      open
      title={t.cameraTitle(target.item.name)}
      onCancel={onClose}
      maskClosable={false}
      width={720}
      footer={
        <Space>
          <Button onClick={onClose}>{t.done}</Button>
          <Button type="primary" onClick={() => void capture()} loading={taking} disabled={!ready} data-testid="camera-capture">
            {t.capture}
          </Button>
        </Space>
      }
    >
      <video ref={video} className="scan-camera" muted playsInline aria-label={t.cameraView} />
      {taking && <Typography.Paragraph role="status">{t.storingPhoto}</Typography.Paragraph>}
      {taken > 0 && !taking && (
        <Typography.Paragraph role="status" type="success" data-testid="camera-done">
          {t.scannedPages(taken)}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="camera-error" />}
    </Modal>
  );
}
