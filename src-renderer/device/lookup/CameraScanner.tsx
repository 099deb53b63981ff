/**
 * The lookup kiosk's camera: frames from getUserMedia decoded with jsQR a few times a second until
 * a QR is read. The camera is released when the scanner closes or a code is read, so the kiosk
 * does not keep it on while idle.
 */
import { Alert } from 'antd';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { vi } from '../../i18n/vi';

const t = vi.lookup;
/** Four tries a second: quick for a hand holding a slip, light on an old kiosk PC. */
const SCAN_EVERY_MS = 250;

export function CameraScanner({ onText }: { onText: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const stop = () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return stop();
        video.current.srcObject = s;
        await video.current.play();
        timer = setInterval(() => {
          const v = video.current;
          if (!v || v.videoWidth === 0) return;
          canvas.width = v.videoWidth;
          canvas.height = v.videoHeight;
          const g = canvas.getContext('2d', { willReadFrequently: true });
          if (!g) return;
          g.drawImage(v, 0, 0);
          const image = g.getImageData(0, 0, canvas.width, canvas.height);
          const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
          if (found?.data) {
            stop();
            onText(found.data);
          }
        }, SCAN_EVERY_MS);
      })
      .catch((err: unknown) => {
        console.warn('camera unavailable', err);
        setError(t.noCamera);
      });
    return stop;
  }, [onText]);

  if (error) return <Alert type="warning" showIcon title={error} />;
  return <video ref={video} className="device-lookup-camera" muted playsInline data-testid="lookup-camera" />;
}
