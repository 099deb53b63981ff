/**
 * "Số đang phục vụ: 015" on Tiếp nhận: the number this window's counter is serving, which core
 * links to the dossier received next (queue/queue.ts linkReceived). Nothing when there is no
 * queue, no counter set in the call bar, or no number called.
 */
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { vi } from '../../i18n/vi';
import { call, subscribeEvents } from '../../rpc/client';
import { savedCounter } from './CallBar';

export function ServingTicket() {
  const [label, setLabel] = useState<string | null>(null);

  useEffect(() => {
    const counterNo = savedCounter();
    if (counterNo === null) return;
    const load = () =>
      call('queue.counter', { counterNo })
        .then((s) => setLabel(s.current && s.current.dossierId === null ? s.current.label : null))
        .catch((err: unknown) => console.error('queue.counter failed', err));
    void load();
    return subscribeEvents((name) => {
      if (name === 'queue.changed' || name === 'dossier.changed') void load();
    });
  }, []);

  if (!label) return null;
  return (
    <Tag color="blue" data-testid="intake-serving" style={{ fontSize: 15 }}>
      {vi.rating.servingNow(label)}
    </Tag>
  );
}
