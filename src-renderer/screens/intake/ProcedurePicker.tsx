/** Type-ahead over the catalog by code and name; the server folds diacritics (and đ). */
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ProcedureSummary } from '@shared/rpc/catalog';
import { vi } from '../../i18n/vi';
import { call, RpcError } from '../../rpc/client';
import { selectClear } from '../../../src-ui/clear-buttons';

export function procedureKey(p: { code: string | null; id: string }): string {
  return p.code ?? p.id;
}

interface Props {
  id?: string;
  value?: string;
  onChange?(value: string | undefined): void;
}

export function ProcedurePicker({ id, value, onChange }: Props) {
  const [items, setItems] = useState<ProcedureSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  function search(query: string) {
    const ticket = ++latest.current;
    setLoading(true);
    call('catalog.search', { query, limit: 30 })
      .then((r) => {
        // Answers can overtake each other while the officer types: keep only the newest.
        if (ticket === latest.current) setItems(r.items);
      })
      .catch((err: unknown) => {
        // A failed search keeps the last list; the next keystroke asks again.
        if (!(err instanceof RpcError)) throw err;
      })
      .finally(() => ticket === latest.current && setLoading(false));
  }

  useEffect(() => search(''), []);

  return (
    <Select
      id={id}
      aria-label={vi.intake.procedure}
      value={value}
      onChange={onChange}
      placeholder={vi.intake.procedurePlaceholder}
      showSearch={{ filterOption: false, onSearch: search }}
      loading={loading}
      allowClear={selectClear(vi.common.clearSelection)}
      popupMatchSelectWidth={false}
      // The list opens inside the screen's main landmark, not loose in the page (screen readers, axe).
      getPopupContainer={(trigger: HTMLElement) => trigger.closest('main') ?? document.body}
      style={{ width: '100%' }}
      styles={{ popup: { root: { width: 640 } } }}
      listHeight={320}
      options={items.map((p) => ({
        value: procedureKey(p),
        label: `${p.code ?? '—'} · ${p.name}`,
        title: p.name,
      }))}
      optionRender={(o) => {
        const p = items.find((i) => procedureKey(i) === o.value);
        return (
          <div style={{ whiteSpace: 'normal', lineHeight: 1.35 }}>
            <strong>{p?.code ?? '—'}</strong> {p?.name}
            <div className="muted">
              {p?.fieldLabel} · {p?.deadlineText}
            </div>
          </div>
        );
      }}
    />
  );
}
