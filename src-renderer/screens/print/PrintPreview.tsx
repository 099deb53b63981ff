/**
 * In-app preview of a printed form: core renders the PDF (archived with its hash), we show it in
 * a blob: frame (the CSP allows frame-src blob:), and "In" sends the same request to the printer
 * chosen in Cài đặt. In the browser host the browser's own print dialog is offered as well,
 * because the desk's printer may be attached to this PC rather than to the host.
 */
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { RpcOutput } from '@shared/rpc';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { transport } from '../../rpc/transport';
import { usePrintPreview } from '../../stores/printPreview';
import { errorText } from '../../ui/errors';

type SendResult = RpcOutput<'print.send'>;

function pdfBlobUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

export function PrintPreview() {
  const { request, caption, close, closed } = usePrintPreview();
  /** A screen that acts after the preview also places focus itself; the dialog's hand-back would race it. */
  const screenPlacesFocus = usePrintPreview((s) => s.afterClose !== null);
  const [url, setUrl] = useState<string | null>(null);
  const [fileName, setFileName] = useState('ban-in.pdf');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<SendResult | null>(null);
  /** The dialog has finished opening: shown, and its focus trap has placed focus inside it. */
  const [shown, setShown] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);

  // "In" is disabled until the PDF is there, so autoFocus alone would leave focus on the dialog's
  // close button: once it can print, Enter prints. Not before the dialog has finished opening: a
  // PDF ready earlier (a fast render) would be focused while the dialog is still hidden, which does
  // nothing, and then the focus trap, starting, would put focus on its first button, "Đóng".
  useEffect(() => {
    if (url && shown) printButton.current?.focus();
  }, [url, shown]);

  useEffect(() => {
    if (!request) return;
    let cancelled = false;
    let objectUrl: string | null = null;
    setUrl(null);
    setError(null);
    setSent(null);
    call('print.render', request)
      .then((r) => {
        if (cancelled) return;
        objectUrl = pdfBlobUrl(r.pdf);
        setUrl(objectUrl);
        setFileName(r.fileName);
      })
      .catch((err) => !cancelled && setError(errorText(err)));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [request]);

  async function send() {
    if (!request) return;
    setSending(true);
    setError(null);
    try {
      setSent(await call('print.send', request));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSending(false);
    }
  }

  const title = request ? vi.print.titles[request.form] : '';
  return (
    <Modal
      open={request !== null}
      title={title}
      onCancel={close}
      afterClose={closed}
      afterOpenChange={setShown}
      focusable={{ focusTriggerAfterClose: !screenPlacesFocus }}
      width={920}
      centered
      destroyOnHidden
      styles={{ body: { paddingTop: 4 } }}
      footer={
        <Space>
          {url && (
            <a href={url} download={fileName}>
              <Button icon={<DownloadOutlined aria-hidden />}>{vi.print.download}</Button>
            </a>
          )}
          {url && transport.kind === 'http' && (
            <Button icon={<PrinterOutlined aria-hidden />} onClick={() => frame.current?.contentWindow?.print()}>
              {vi.print.browserPrint}
            </Button>
          )}
          <Button onClick={close}>{vi.print.close}</Button>
          <Button ref={printButton} type="primary" icon={<PrinterOutlined aria-hidden />} loading={sending} disabled={!url} onClick={() => void send()} autoFocus>
            {vi.print.send}
          </Button>
        </Space>
      }
    >
      <div data-testid="print-preview">
        {caption && (
          <Typography.Paragraph strong style={{ marginBottom: 8 }} data-testid="print-caption">
            {caption}
          </Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
        {sent && sent.result === 'printed' && (
          <Alert type="success" showIcon title={`${vi.print.printed}${sent.printer ? `: ${sent.printer}` : ''}`} style={{ marginBottom: 8 }} data-testid="print-result" />
        )}
        {sent && sent.result === 'failed' && (
          <Alert type="error" showIcon title={vi.print.failed} description={sent.error} style={{ marginBottom: 8 }} data-testid="print-result" />
        )}
        {url ? (
          <iframe ref={frame} src={url} title={title} data-testid="pdf-frame" style={{ width: '100%', height: 'calc(100vh - 300px)', minHeight: 360, border: '1px solid #d9d9d9' }} />
        ) : (
          !error && (
            <div style={{ height: 360, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
              <Spin description={vi.print.rendering} />
            </div>
          )
        )}
      </div>
    </Modal>
  );
}
