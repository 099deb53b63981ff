/** The pages of an intake batch or of a dossier, listed again whenever a panel changes them. */
import { useCallback, useEffect, useState } from 'react';
import type { ScanPage } from '@shared/rpc/scans';
import { call } from '../../../rpc/client';
import { errorText } from '../../../ui/errors';

export function useScanPages(owner: { batch: string } | { dossierId: string }) {
  const key = 'batch' in owner ? `b:${owner.batch}` : `d:${owner.dossierId}`;
  const [pages, setPages] = useState<ScanPage[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    const input = key.startsWith('b:') ? { batch: key.slice(2) } : { dossierId: key.slice(2) };
    call('scans.list', input).then(
      (r) => {
        if (!live) return;
        setPages(r.pages);
        setError(null);
      },
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { pages, error, reload };
}

/** One item's pages of a role, in their order. */
export function pagesOf(pages: ScanPage[], role: ScanPage['role'], position: number): ScanPage[] {
  return pages.filter((p) => p.role === role && p.itemPosition === position).sort((a, b) => a.seq - b.seq);
}
