/**
 * Ki-ốt lấy số: the citizen taps a field and gets a number, shown large with the field, the time
 * and how many are waiting before them; the screen goes back to the fields after a while.
 */
import { Alert, Button } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { RpcOutput } from '@shared/rpc';
import { formatDateTimeVi } from '@shared/domain/text';
import { vi } from '../../i18n/vi';
import { call, subscribeEvents } from '../../rpc/client';
import { errorText } from '../../ui/errors';
import { DEVICE_PATHS } from '../device-pages';
import { KioskFeedback } from '../feedback/KioskFeedback';

const t = vi.kiosk;
/** Long enough to read the number and take a photo of it. */
const SHOW_TICKET_MS = 15_000;

export function KioskPage() {
  const [fields, setFields] = useState<{ id: string; name: string }[]>([]);
  const [taken, setTaken] = useState<RpcOutput<'queue.takeTicket'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [writing, setWriting] = useState(false);
  const closeFeedback = useCallback(() => setWriting(false), []);

  const load = useCallback(() => {
    call('queue.kioskFields', {})
      .then((r) => setFields(r.items))
      .catch((err: unknown) => setError(errorText(err)));
  }, []);

  useEffect(() => {
    load();
    return subscribeEvents((name) => {
      if (name === 'queue.changed') load();
    });
  }, [load]);

  useEffect(() => {
    if (!taken) return;
    const timer = setTimeout(() => setTaken(null), SHOW_TICKET_MS);
    return () => clearTimeout(timer);
  }, [taken]);

  async function take(fieldId: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setTaken(await call('queue.takeTicket', { fieldId, print: true }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  if (writing) return <KioskFeedback onClose={closeFeedback} />;
  if (taken) {
    const { ticket, waitingBefore } = taken;
    return (
      <div className="device-kiosk" data-testid="kiosk-ticket">
        <div className="device-kiosk-ticket">
          <h1 className="device-heading-inline">{t.yourNumber}</h1>
          <strong data-testid="kiosk-number">{ticket.label}</strong>
          <div>{ticket.fieldName}</div>
          <div>{formatDateTimeVi(ticket.takenAt)}</div>
          <div data-testid="kiosk-waiting">{t.waiting(waitingBefore)}</div>
          {taken.print && (
            <div data-testid="kiosk-printed" className="device-kiosk-printed">
              {taken.print.result === 'printed' ? vi.ticket80.takePrinted : vi.ticket80.kioskNotPrinted}
            </div>
          )}
        </div>
        <Button size="large" type="primary" style={{ marginTop: 32, height: 72, fontSize: 28 }} onClick={() => setTaken(null)}>
          {t.done}
        </Button>
      </div>
    );
  }
  return (
    <div className="device-kiosk" data-testid="kiosk">
      <h1>{t.title}</h1>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 24, fontSize: 24 }} />}
      {fields.length === 0 && !error && <Alert type="info" showIcon title={t.noFields} />}
      <div className="device-kiosk-fields">
        {fields.map((f) => (
          <Button key={f.id} type="primary" disabled={busy} onClick={() => void take(f.id)}>
            {f.name}
          </Button>
        ))}
      </div>
      <div style={{ marginTop: 40, display: 'flex', gap: 16, justifyContent: 'center' }}>
        <Button size="large" onClick={() => setWriting(true)} data-testid="kiosk-feedback-open">
          {vi.feedback.kioskOpen}
        </Button>
        <Button size="large" href={DEVICE_PATHS.board} data-testid="kiosk-board-open">
          {vi.board.title}
        </Button>
      </div>
    </div>
  );
}
