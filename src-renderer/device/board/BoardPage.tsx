/**
 * Công khai thủ tục hành chính: every procedure the commune receives, searched as the citizen types
 * it, with or without diacritics; one procedure's papers (the forms to fill first), fees, deadline,
 * and a QR of its page (or, lacking the address, its code) on Cổng Dịch vụ công quốc gia. Back to the list after a pause.
 */
import { Alert, Button, Input, List, Tag } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { RequiredDocument } from '@shared/domain/catalog';
import type { BoardProcedure } from '@shared/rpc/board';
import type { ProcedureSummary } from '@shared/rpc/catalog';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';
import { feeText } from '../../screens/catalog/ProcedureDrawer';
import { forOfficials } from '../../screens/catalog/catalog-text';
import { QrModules } from './QrModules';
import { inputClear } from '../../../src-ui/clear-buttons';

const t = vi.board;
/** One request per pause in typing, not per key (the device's rate limit counts every call). */
const SEARCH_DEBOUNCE_MS = 250;
export const BOARD_IDLE_MS = 120_000;

/** The papers the citizen writes (tờ khai, đơn, phiếu), as opposed to those they bring. */
export function isFormToFill(d: Pick<RequiredDocument, 'name'>): boolean {
  return /^(tờ khai|đơn|phiếu|văn bản đề nghị)/i.test(d.name.normalize('NFC'));
}

/** `home`: the page to go back to when the board is opened from the ticket or lookup kiosk. */
export function BoardPage({ home }: { home: string | null }) {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<ProcedureSummary[]>([]);
  const [open, setOpen] = useState<BoardProcedure | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      call('board.search', { query })
        .then((r) => {
          setItems(r.items);
          setError(null);
        })
        .catch((err: unknown) => setError(errorText(err)));
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    if (!open && query === '') return;
    const timer = setTimeout(() => {
      setOpen(null);
      setQuery('');
    }, BOARD_IDLE_MS);
    return () => clearTimeout(timer);
  }, [open, query]);

  async function show(id: string) {
    try {
      setOpen(await call('board.procedure', { id }));
    } catch (err) {
      setError(errorText(err));
    }
  }

  if (open) {
    const p = open.procedure;
    const forms = p.documents.filter(isFormToFill);
    return (
      <div className="device-board" data-testid="board-procedure">
        <Button size="large" onClick={() => setOpen(null)}>
          {t.back}
        </Button>
        <h1>{p.name}</h1>
        <div className="device-board-detail">
          <div>
            <p>
              <Tag>{open.fieldLabel}</Tag> {t.agency}: {p.resolvingAgency}
            </p>
            <h2>{t.deadline}</h2>
            <p data-testid="board-deadline">{open.deadlineText}</p>
            {forms.length > 0 && (
              <>
                <h2>{t.forms}</h2>
                <ul data-testid="board-forms">
                  {forms.map((d) => (
                    <li key={d.name}>{d.name}</li>
                  ))}
                </ul>
              </>
            )}
            <h2>{t.documents}</h2>
            <ol data-testid="board-documents">
              {p.documents.map((d) => (
                <li key={d.name}>
                  {d.name} — {vi.catalog.docForm[d.form]}, {t.count(d.count)}
                  {d.optional ? ` (${t.optional})` : ''}
                  {d.note ? `. ${d.note}` : ''}
                </li>
              ))}
            </ol>
            <h2>{t.fees}</h2>
            {p.fees.length === 0 ? (
              <p>{t.noFee}</p>
            ) : (
              <ul data-testid="board-fees">
                {p.fees.map((f) => (
                  <li key={f.id}>
                    {f.label}: {feeText(f)}
                  </li>
                ))}
              </ul>
            )}
            {p.legalBasis.length > 0 && <p className="device-board-basis">{t.basis(p.legalBasis.map(forOfficials).join('; '))}</p>}
          </div>
          <aside className="device-board-portal">
            {open.portal ? (
              <>
                <QrModules qr={open.portal.qr} size={220} label={open.portal.url ? t.qrPageLabel : t.qrLabel(open.portal.code ?? '')} />
                {open.portal.url && <p data-testid="board-portal-page">{t.portalPageHint}</p>}
                {open.portal.code && (
                  <>
                    <p>{t.portalCode}</p>
                    <strong data-testid="board-portal-code">{open.portal.code}</strong>
                  </>
                )}
                {!open.portal.url && <p>{t.portalHint}</p>}
              </>
            ) : (
              <p>{t.noPortalCode}</p>
            )}
          </aside>
        </div>
      </div>
    );
  }

  return (
    <div className="device-board" data-testid="board">
      {home && (
        <Button size="large" href={home} style={{ marginBottom: 16 }}>
          {t.home}
        </Button>
      )}
      <h1>{t.title}</h1>
      <Input.Search size="large" allowClear={inputClear(vi.common.clearText)} searchIcon={<SearchOutlined aria-label={vi.common.searchButton} />} value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t.searchPlaceholder} aria-label={t.searchPlaceholder} data-testid="board-search" />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      <List
        className="device-board-list"
        dataSource={items}
        locale={{ emptyText: t.nothingFound }}
        renderItem={(p) => (
          // A real button: reached by Tab and opened by Enter as well as by touch.
          <List.Item key={p.id} data-testid="board-item">
            <button type="button" className="device-board-item" onClick={() => void show(p.id)}>
              <span className="device-board-item-name">{p.name}</span>
              <span className="device-board-item-info">{`${p.fieldLabel} · ${t.deadline}: ${p.deadlineText}`}</span>
            </button>
          </List.Item>
        )}
      />
    </div>
  );
}
