/**
 * Phản ánh, kiến nghị at the ticket kiosk: the citizen writes (name and phone optional) and is
 * told the date by which the commune will answer. Back to the kiosk's start after a pause, so the
 * next person never sees what was written.
 */
import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { formatDateVi } from '@shared/domain/text';
import { FEEDBACK_CONTENT_MAX } from '@shared/rpc/feedback';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';

const t = vi.feedback;
const IDLE_MS = 90_000;

export function KioskFeedback({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ content: string; citizenName?: string; citizenPhone?: string }>();
  const [sentDue, setSentDue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(0);

  useEffect(() => {
    const timer = setTimeout(onClose, sentDue ? 20_000 : IDLE_MS);
    return () => clearTimeout(timer);
  }, [onClose, sentDue, touched]);

  async function send(v: { content: string; citizenName?: string; citizenPhone?: string }) {
    setBusy(true);
    setError(null);
    try {
      const r = await call('feedback.submit', { content: v.content, citizenName: v.citizenName ?? '', citizenPhone: v.citizenPhone ?? '' });
      setSentDue(r.dueAt);
      form.resetFields();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="device-lookup" data-testid="kiosk-feedback">
      <h1>{t.kioskTitle}</h1>
      {sentDue ? (
        <Alert type="success" showIcon title={t.sent(formatDateVi(sentDue))} data-testid="kiosk-feedback-sent" />
      ) : (
        <>
          <p>{t.kioskHint}</p>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form form={form} layout="vertical" onFinish={(v) => void send(v)} onValuesChange={() => setTouched((n) => n + 1)} style={{ maxWidth: 800 }}>
            <Form.Item name="content" label={t.content} rules={[{ required: true, min: 5, message: t.contentRequired }]}>
              <Input.TextArea rows={6} maxLength={FEEDBACK_CONTENT_MAX} showCount data-testid="kiosk-feedback-content" />
            </Form.Item>
            <Form.Item name="citizenName" label={t.citizenName}>
              <Input size="large" maxLength={80} autoComplete="off" />
            </Form.Item>
            <Form.Item name="citizenPhone" label={t.citizenPhone}>
              <Input size="large" maxLength={15} inputMode="tel" autoComplete="off" />
            </Form.Item>
            <Button type="primary" size="large" htmlType="submit" loading={busy} data-testid="kiosk-feedback-submit">
              {t.submit}
            </Button>
          </Form>
        </>
      )}
      <Button size="large" style={{ marginTop: 24 }} onClick={onClose}>
        {t.kioskBack}
      </Button>
    </div>
  );
}
