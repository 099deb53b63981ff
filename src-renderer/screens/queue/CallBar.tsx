/**
 * Gọi số at the officer's desk, a slim bar under the header: the counter this window serves (kept in this
 * browser), the number being served, call next (F8, free on every screen), call again
 * (Shift+F8), skip a number nobody answers, send it to another counter. Shown once the commune
 * has set up its queue fields, so an office without a queue sees nothing new.
 *
 * A commune with a rating tablet but no queue still needs to know which counter a window serves:
 * the tablet bound to that counter asks the citizen after a receipt or a return there. So the bar
 * also shows whenever a rating tablet is paired, then with the counter number alone. It lives here
 * rather than in the officer's own settings because it is the same number (one key per window, one
 * seat per officer and day), it is on every screen, and a commune that adds a queue later finds the
 * field where it already was.
 */
import { App, Button, Dropdown, InputNumber, Space, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { RpcOutput } from '@shared/rpc';
import { vi } from '../../i18n/vi';
import { call, subscribeEvents } from '../../rpc/client';
import { errorText } from '../../ui/errors';

const t = vi.queue;
export const COUNTER_KEY = 'motcua.counterNo';

type CounterState = RpcOutput<'queue.counter'>;

/** The counter this browser's window serves, as its call bar keeps it. */
export function savedCounter(): number | null {
  const n = Number(localStorage.getItem(COUNTER_KEY));
  return Number.isInteger(n) && n >= 1 && n <= 99 ? n : null;
}

export function CallBar() {
  const { message, modal } = App.useApp();
  const [enabled, setEnabled] = useState(false);
  /** Counters with a paired rating tablet; any one shows the bar even without queue fields. */
  const [tablets, setTablets] = useState<number[]>([]);
  const [counters, setCounters] = useState<number[]>([]);
  const [fields, setFields] = useState<{ id: string; name: string }[]>([]);
  const [counterNo, setCounterNo] = useState<number | null>(savedCounter);
  const [state, setState] = useState<CounterState | null>(null);

  useEffect(() => {
    call('queue.fields', {})
      .then((r) => {
        const active = r.items.filter((f) => f.active);
        setEnabled(active.length > 0);
        setFields(active.map(({ id, name }) => ({ id, name })));
        setCounters([...new Set(active.flatMap((f) => f.counters))].sort((a, b) => a - b));
      })
      .catch((err: unknown) => console.error('queue.fields failed', err));
  }, []);

  useEffect(() => {
    const load = () =>
      call('devices.ratingCounters', {})
        .then((r) => setTablets(r.counters))
        .catch((err: unknown) => console.error('devices.ratingCounters failed', err));
    load();
    return subscribeEvents((name) => {
      if (name === 'device.changed') void load();
    });
  }, []);
  const shown = enabled || tablets.length > 0;

  const refresh = useCallback(() => {
    if (counterNo === null) return;
    call('queue.counter', { counterNo })
      .then(setState)
      .catch((err: unknown) => console.error('queue.counter failed', err));
  }, [counterNo]);

  // Asking for the counter's state is also what tells core this officer's seat today (queue/seatOf):
  // on opening, on a new number, and when the window comes back to the front (a new day's seat).
  useEffect(() => {
    if (!shown) return;
    refresh();
    window.addEventListener('focus', refresh);
    const stop = subscribeEvents((name) => {
      if (name === 'queue.changed') refresh();
    });
    return () => {
      window.removeEventListener('focus', refresh);
      stop();
    };
  }, [shown, refresh]);

  const act = useCallback(
    async (name: 'queue.callNext' | 'queue.recall' | 'queue.skip', quietWhenEmpty = false) => {
      if (counterNo === null) return;
      try {
        const next = await call(name, { counterNo });
        setState(next);
        if (name === 'queue.callNext' && !next.current && !quietWhenEmpty) message.info(t.nobodyWaiting);
      } catch (err) {
        message.error(errorText(err));
      }
    },
    [counterNo, message],
  );

  useEffect(() => {
    if (!enabled || counterNo === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F8' || e.ctrlKey || e.altKey || e.metaKey) return;
      e.preventDefault();
      void act(e.shiftKey ? 'queue.recall' : 'queue.callNext');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, counterNo, act]);

  async function transfer(to: number) {
    if (counterNo === null) return;
    try {
      setState(await call('queue.transfer', { counterNo, toCounterNo: to }));
    } catch (err) {
      message.error(errorText(err));
    }
  }

  /** For a citizen where there is no kiosk: the number is printed on the 80 mm roll, and shown to read out if the printer fails. */
  async function issue(fieldId: string) {
    try {
      const r = await call('queue.issueTicket', { fieldId, print: true });
      const printed = r.print?.result === 'printed' ? vi.ticket80.printed : vi.ticket80.notPrinted(r.print?.error ?? '');
      modal.info({ title: t.issued(r.ticket.label, r.ticket.fieldName), content: `${t.waitingBefore(r.waitingBefore)} ${printed}`, okText: t.close });
    } catch (err) {
      message.error(errorText(err));
    }
  }

  if (!shown) return null;
  return (
    <section aria-label={t.barLabel} data-testid="call-bar" style={{ padding: '6px 24px', background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
      <Space size={6} wrap>
        <label htmlFor="call-bar-counter">{t.counterLabel}</label>
        <InputNumber
          id="call-bar-counter"
          size="small"
          min={1}
          max={99}
          value={counterNo}
          aria-label={t.counterLabel}
          style={{ width: 64 }}
          onChange={(v) => {
            const n = typeof v === 'number' ? v : null;
            setCounterNo(n);
            if (n === null) localStorage.removeItem(COUNTER_KEY);
            else localStorage.setItem(COUNTER_KEY, String(n));
          }}
        />
        {!enabled && (
          <span data-testid="call-bar-tablet">{counterNo === null ? vi.seat.choose : tablets.includes(counterNo) ? vi.seat.tablet(counterNo) : vi.seat.noTablet(counterNo)}</span>
        )}
        {enabled && (
          <Dropdown menu={{ items: fields.map((f) => ({ key: f.id, label: f.name })), onClick: (e) => void issue(e.key) }}>
            <Button size="small">{t.issue}</Button>
          </Dropdown>
        )}
        {enabled && counterNo !== null && (
          <>
            <Tag color={state?.current ? 'blue' : 'default'} data-testid="call-current" style={{ fontSize: 15 }}>
              {state?.current ? t.serving(state.current.label) : t.none}
            </Tag>
            <Tooltip title={t.waiting(state?.waiting ?? 0)}>
              <Button size="small" type="primary" onClick={() => void act('queue.callNext')}>
                {t.callNext} <kbd>F8</kbd>
              </Button>
            </Tooltip>
            <Button size="small" disabled={!state?.current} onClick={() => void act('queue.recall')} title="Shift+F8">
              {t.recall}
            </Button>
            <Button size="small" disabled={!state?.current} onClick={() => void act('queue.skip')}>
              {t.skip}
            </Button>
            <Dropdown
              disabled={!state?.current}
              menu={{ items: counters.filter((c) => c !== counterNo).map((c) => ({ key: String(c), label: t.toCounter(c) })), onClick: (e) => void transfer(Number(e.key)) }}
            >
              <Button size="small" disabled={!state?.current}>
                {t.transfer}
              </Button>
            </Dropdown>
          </>
        )}
      </Space>
    </section>
  );
}
