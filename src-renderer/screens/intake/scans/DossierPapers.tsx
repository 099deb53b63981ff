/**
 * The drawer's "Giấy tờ đã số hóa": a received dossier's pages by checklist item (and its scanned
 * result), each item opened as one PDF. A page is removed after receipt only with a reason; core
 * keeps the file and writes the removal to the audit log.
 */
import { Alert, Button, Empty, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ScanPage } from '@shared/rpc/scans';
import { vi } from '../../../i18n/vi';
import { call } from '../../../rpc/client';
import { errorText } from '../../../ui/errors';
import { PageStrip } from './PageStrip';
import { useScanPages } from './useScanPages';
import './scans.css';

const t = vi.scans;

type Group = { role: ScanPage['role']; position: number; name: string; pages: ScanPage[] };

function groupsOf(pages: ScanPage[]): Group[] {
  const groups = new Map<string, Group>();
  for (const p of pages) {
    const key = `${p.role}|${p.itemPosition}`;
    const g = groups.get(key) ?? { role: p.role, position: p.itemPosition, name: p.itemName, pages: [] };
    g.pages.push(p);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ ...g, pages: g.pages.sort((a, b) => a.seq - b.seq) }));
}

function pdfUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

export function DossierPapers({ dossierId, version = 0 }: { dossierId: string; version?: number }) {
  const { pages, error, reload } = useScanPages({ dossierId });
  const [viewing, setViewing] = useState<{ title: string; url: string } | null>(null);
  const [removing, setRemoving] = useState<{ page: ScanPage; n: number; item: string } | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(reload, [version, reload]);
  useEffect(
    () => () => {
      if (viewing) URL.revokeObjectURL(viewing.url);
    },
    [viewing],
  );

  async function open(g: Group) {
    setProblem(null);
    try {
      const r = await call('scans.itemPdf', { dossierId, role: g.role, itemPosition: g.position });
      setViewing({ title: g.name, url: pdfUrl(r.pdf) });
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  async function remove() {
    if (!removing) return;
    setBusy(true);
    setProblem(null);
    try {
      await call('scans.remove', { pageId: removing.page.id, reason: reason.trim() });
      setRemoving(null);
      setReason('');
      reload();
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const groups = groupsOf(pages);
  return (
    <div data-testid="dossier-papers" className="scan-papers">
      {error && <Alert type="error" showIcon title={error} />}
      {problem && !removing && <Alert type="error" showIcon title={problem} data-testid="papers-problem" />}
      {groups.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noPapers} />}
      {groups.map((g) => (
        <section key={`${g.role}|${g.position}`} className="scan-panel" aria-label={t.panelLabel(g.name)} data-testid="papers-item" data-role={g.role}>
          <div className="scan-panel-head">
            <Typography.Text strong>{g.role === 'result' ? `${t.resultLabel}: ${g.name}` : g.name}</Typography.Text>
            <span>
              <Typography.Text type="secondary">{t.pageCount(g.pages.length)}</Typography.Text>{' '}
              <Button size="small" onClick={() => void open(g)}>
                {t.openPdf}
              </Button>
            </span>
          </div>
          <PageStrip
            pages={g.pages}
            editable={false}
            deletable
            busy={busy}
            onMove={() => {}}
            onRotate={() => {}}
            onDelete={(page) => {
              setProblem(null);
              setRemoving({ page, n: g.pages.indexOf(page) + 1, item: g.name });
            }}
          />
        </section>
      ))}
      <Modal
        open={viewing !== null}
        title={viewing?.title}
        onCancel={() => setViewing(null)}
        footer={
          <Button onClick={() => setViewing(null)} data-testid="papers-pdf-close">
            {t.done}
          </Button>
        }
        width={900}
        destroyOnHidden
      >
        {viewing && <iframe src={viewing.url} title={viewing.title} className="scan-pdf-frame" data-testid="papers-pdf" />}
      </Modal>
      <Modal
        open={removing !== null}
        title={removing ? t.removeTitle(removing.n, removing.item) : ''}
        onCancel={() => {
          setRemoving(null);
          setProblem(null);
        }}
        okText={t.remove}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 3, loading: busy }}
        cancelText={t.keep}
        onOk={() => void remove()}
      >
        <Typography.Paragraph>{t.removeBody}</Typography.Paragraph>
        <label htmlFor="scan-remove-reason">{t.removeReason}</label>
        <Input.TextArea id="scan-remove-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 8 }} />}
      </Modal>
    </div>
  );
}
