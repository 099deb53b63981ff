/**
 * The thumbnails of one checklist item's pages, in order, each with its own buttons: earlier,
 * later, rotate, delete. Every button is a real button (Tab reaches it); on a focused thumbnail
 * Alt+← / Alt+→ move the page too.
 */
import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, RotateRightOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { ScanPage } from '@shared/rpc/scans';
import { vi } from '../../../i18n/vi';
import { call } from '../../../rpc/client';

const t = vi.scans;

/** Thumbnails never change for a page id (rotation is shown by CSS): one fetch each. */
const thumbnails = new Map<string, Promise<string | null>>();

function thumbnailOf(page: ScanPage): Promise<string | null> {
  if (!page.hasThumbnail) return Promise.resolve(null);
  let found = thumbnails.get(page.id);
  if (!found) {
    const id = page.id;
    found = call('scans.thumbnail', { pageId: id }).then(
      (r) => (r.png ? `data:image/png;base64,${r.png}` : null),
      (err: unknown) => {
        // A failed fetch is not kept: the next render asks again; this one shows the page number.
        thumbnails.delete(id);
        throw err;
      },
    );
    thumbnails.set(id, found);
  }
  return found;
}

function Thumbnail({ page }: { page: ScanPage }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    thumbnailOf(page).then(
      (s) => live && setSrc(s),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [page]);
  return src ? (
    <img src={src} alt={t.pageAlt(page.seq)} className="scan-thumb-img" style={{ transform: `rotate(${page.rotation}deg)` }} />
  ) : (
    <span className="scan-thumb-img scan-thumb-none">{t.pageAlt(page.seq)}</span>
  );
}

interface Props {
  pages: ScanPage[];
  /** Arranging is for pages before receipt, or the result being attached; the drawer shows them read-only. */
  editable: boolean;
  /** The delete button alone (the drawer: a page removed after receipt, with a reason). */
  deletable?: boolean;
  busy: boolean;
  /** `toPosition` is 1-based among the item's pages (core's `scans.move`); seq numbers may have gaps after a delete. */
  onMove(page: ScanPage, toPosition: number): void;
  onRotate(page: ScanPage): void;
  onDelete(page: ScanPage): void;
}

export function PageStrip({ pages, editable, deletable = editable, busy, onMove, onRotate, onDelete }: Props) {
  if (pages.length === 0) return null;
  return (
    <ol className="scan-strip" aria-label={t.stripLabel} data-testid="scan-strip">
      {pages.map((p, i) => (
        <li key={p.id} className="scan-thumb" data-testid="scan-page" data-page-id={p.id} data-rotation={p.rotation}>
          <div
            className="scan-thumb-frame"
            tabIndex={editable ? 0 : -1}
            aria-label={t.pageAlt(p.seq)}
            onKeyDown={(e) => {
              if (!editable || busy || !e.altKey) return;
              if (e.key === 'ArrowLeft' && i > 0) onMove(p, i);
              else if (e.key === 'ArrowRight' && i < pages.length - 1) onMove(p, i + 2);
              else return;
              e.preventDefault();
            }}
          >
            <Thumbnail page={p} />
          </div>
          <div className="scan-thumb-caption">{t.pageNumber(i + 1)}</div>
          {(editable || deletable) && (
            <div className="scan-thumb-actions">
              {editable && (
                <>
                  <Tooltip title={t.moveEarlier}>
                    <Button size="small" type="text" icon={<ArrowLeftOutlined aria-hidden />} aria-label={`${t.moveEarlier} ${t.pageNumber(i + 1)}`} disabled={busy || i === 0} onClick={() => onMove(p, i)} />
                  </Tooltip>
                  <Tooltip title={t.moveLater}>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowRightOutlined aria-hidden />}
                      aria-label={`${t.moveLater} ${t.pageNumber(i + 1)}`}
                      disabled={busy || i === pages.length - 1}
                      onClick={() => onMove(p, i + 2)}
                    />
                  </Tooltip>
                  <Tooltip title={t.rotate}>
                    <Button size="small" type="text" icon={<RotateRightOutlined aria-hidden />} aria-label={`${t.rotate} ${t.pageNumber(i + 1)}`} disabled={busy} onClick={() => onRotate(p)} />
                  </Tooltip>
                </>
              )}
              <Tooltip title={t.delete}>
                <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`${t.delete} ${t.pageNumber(i + 1)}`} disabled={busy} onClick={() => onDelete(p)} />
              </Tooltip>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
