/**
 * The OCR queue is the scan_ocr table itself (migration scan_ocr): durable, so a crash or power
 * cut loses no place in it. A page is taken oldest first (in the order stored); its attempt is
 * counted BEFORE the read starts, so a page whose read killed the process is not tried forever; a
 * page read is `done` and never read again. A failed read waits 1, then 4 minutes before the next try, and after
 * MAX_ATTEMPTS stays `failed`, counted on the status line.
 */
import type Database from 'better-sqlite3';
import { foldForSearch } from '@shared/domain/text';
import { preparedPerConnection } from '../../db/prepared';
import type { CounterDb } from '../../db/open';
import type { PageText } from './read-page';

export const MAX_ATTEMPTS = 3;
const RETRY_BASE_MS = 60_000;

export interface QueuedPage {
  sha256: string;
  attempts: number;
}

export interface QueueCounts {
  pending: number;
  done: number;
  failed: number;
  /** The last failure's message, when there are failed pages. */
  lastError: string | null;
}

const statements = preparedPerConnection((c: Database.Database) => ({
  next: c.prepare<[string], QueuedPage>(
    `SELECT sha256, attempts FROM scan_ocr WHERE state = 'pending' AND (retry_at IS NULL OR retry_at <= ?) ORDER BY queued_at, rowid LIMIT 1`,
  ),
  begin: c.prepare<[string]>(`UPDATE scan_ocr SET attempts = attempts + 1 WHERE sha256 = ? AND state = 'pending'`),
  done: c.prepare<[string, string, string, string, string]>(
    `UPDATE scan_ocr SET state = 'done', method = ?, text = ?, folded = ?, done_at = ?, error = NULL, retry_at = NULL WHERE sha256 = ?`,
  ),
  fail: c.prepare<[string, string | null, string, string]>(`UPDATE scan_ocr SET state = ?, retry_at = ?, error = ? WHERE sha256 = ?`),
  attempts: c.prepare<[string], { attempts: number }>(`SELECT attempts FROM scan_ocr WHERE sha256 = ?`),
  counts: c.prepare<[], { state: string; n: number }>(`SELECT state, count(*) AS n FROM scan_ocr GROUP BY state`),
  lastError: c.prepare<[], { error: string }>(`SELECT error FROM scan_ocr WHERE state = 'failed' AND error IS NOT NULL ORDER BY queued_at DESC LIMIT 1`),
}));

export class OcrQueue {
  constructor(private readonly db: CounterDb) {}

  /** The oldest page due now, its attempt already counted; null when nothing is due. */
  take(nowIso: string): QueuedPage | null {
    return this.db.$client.transaction(() => {
      const s = statements(this.db);
      const page = s.next.get(nowIso);
      if (!page) return null;
      s.begin.run(page.sha256);
      return { sha256: page.sha256, attempts: page.attempts + 1 };
    })();
  }

  /** The page's text, folded for the search; the trigger puts it in its dossiers' search rows. */
  done(sha256: string, page: PageText, nowIso: string): void {
    statements(this.db).done.run(page.method, page.text, foldForSearch(page.text), nowIso, sha256);
  }

  failed(sha256: string, error: string, now: Date): void {
    const s = statements(this.db);
    const attempts = s.attempts.get(sha256)?.attempts ?? MAX_ATTEMPTS;
    if (attempts >= MAX_ATTEMPTS) s.fail.run('failed', null, error, sha256);
    else s.fail.run('pending', new Date(now.getTime() + RETRY_BASE_MS * 4 ** (attempts - 1)).toISOString(), error, sha256);
  }

  counts(): QueueCounts {
    const s = statements(this.db);
    const by = new Map(s.counts.all().map((r) => [r.state, r.n]));
    const failed = by.get('failed') ?? 0;
    return { pending: by.get('pending') ?? 0, done: by.get('done') ?? 0, failed, lastError: failed ? (s.lastError.get()?.error ?? null) : null };
  }
}
