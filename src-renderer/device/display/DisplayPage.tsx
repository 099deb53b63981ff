/**
 * Màn hình gọi số, for a TV in the waiting room: the number served at each counter (the latest
 * call large), the next numbers, and the call spoken aloud. Follows core's queue events; nothing
 * on it but numbers, fields and counters.
 */
import { Button } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RpcOutput } from '@shared/rpc';
import { vi } from '../../i18n/vi';
import { call, subscribeEvents } from '../../rpc/client';
import { Announcer } from './announcer';

const t = vi.display;
type DisplayState = RpcOutput<'queue.display'>;

export function DisplayPage() {
  const [state, setState] = useState<DisplayState>({ serving: [], next: [] });
  const [lastCall, setLastCall] = useState<{ label: string; counterNo: number } | null>(null);
  const [announced, setAnnounced] = useState<{ key: string; seconds: number } | null>(null);
  const [blocked, setBlocked] = useState(false);
  const announcer = useRef<Announcer | null>(null);

  const refresh = useCallback(() => {
    call('queue.display', {})
      .then(setState)
      .catch((err: unknown) => console.error('queue.display failed', err));
  }, []);

  useEffect(() => {
    const a = new Announcer((label, counterNo, seconds) => setAnnounced({ key: `${label}-${counterNo}`, seconds }));
    announcer.current = a;
    setBlocked(a.blocked);
    refresh();
    return subscribeEvents((name, payload) => {
      if (name === 'queue.changed') refresh();
      if (name === 'queue.called') {
        const p = payload as { label: string; counterNo: number };
        setLastCall({ label: p.label, counterNo: p.counterNo });
        refresh();
        a.announce(p.label, p.counterNo);
      }
    });
  }, [refresh]);

  const headline = lastCall ?? (state.serving[0] ? { label: state.serving[0].label, counterNo: state.serving[0].counterNo } : null);
  return (
    <div className="device-display" data-testid="display" data-announced={announced?.key ?? ''} data-announced-seconds={announced?.seconds.toFixed(2) ?? ''}>
      {blocked && (
        <Button
          size="large"
          style={{ position: 'absolute', top: 16, right: 16 }}
          onClick={() => {
            void announcer.current?.unlock().then(() => setBlocked(false));
          }}
        >
          {t.enableSound}
        </Button>
      )}
      <section className="device-display-headline" data-testid="display-headline">
        {headline ? (
          <>
            <h1 className="device-display-invite device-heading-inline">{t.invite}</h1>
            <div className="device-display-number">{headline.label}</div>
            <div className="device-display-counter">{t.toCounter(headline.counterNo)}</div>
          </>
        ) : (
          <h1 className="device-display-invite device-heading-inline">{t.idle}</h1>
        )}
      </section>
      <section className="device-display-columns">
        <div>
          <h2>{t.serving}</h2>
          <table data-testid="display-serving">
            <tbody>
              {[...state.serving]
                .sort((a, b) => a.counterNo - b.counterNo)
                .map((s) => (
                  <tr key={s.counterNo}>
                    <td>{t.counter(s.counterNo)}</td>
                    <td className="device-display-cell-number">{s.label}</td>
                    <td>{s.fieldName}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
        <div>
          <h2>{t.next}</h2>
          <div data-testid="display-next" className="device-display-next">
            {state.next.map((n) => (
              <span key={n.label}>{n.label}</span>
            ))}
          </div>
        </div>
      </section>
    </div>
  );
}
