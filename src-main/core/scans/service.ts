/**
 * The digitised pages of dossiers (README in this folder): capture from any source, normalise,
 * store in core/files (file first, row after), arrange, bind to the dossier at receipt, and
 * remove only with a trace once the dossier holds the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, desc, eq, inArray, isNotNull, isNull, max } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { Officer } from '@shared/rpc';
import { MAX_SCAN_FILE_BYTES, type ScanPage } from '@shared/rpc/scans';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { CounterDb, DbExecutor } from '../db/open';
import { dossier, scanPage, setting } from '../db/schema';
import type { FileStore } from '../files/store';
import { newId } from '../ids';
import type { ScannerAdapter } from './capture/types';
import { WatchedFolder } from './capture/watched-folder';
import { normalise, tooBig, type NormalisedPage } from './normalise';

type PageRow = typeof scanPage.$inferSelect;
type Source = PageRow['source'];

export interface ScanTarget {
  batch: string;
  dossierId?: string | undefined;
  role: 'document' | 'result';
  item: { position: number; name: string };
}

export interface ScanDeps {
  db: CounterDb;
  clock: Clock;
  files: FileStore;
  scanner: ScannerAdapter;
  dataDir: string;
}

const FOLDER_SETTING = 'scans.folder';
const SCAN_DPI = 200;

export class ScanService {
  constructor(private readonly deps: ScanDeps) {}

  scanners() {
    return this.deps.scanner.list().then((items) => ({ items }));
  }

  async scan(input: ScanTarget & { device: string; color: boolean }, officer: Officer) {
    this.checkTarget(input);
    const image = await this.deps.scanner.scan({ device: input.device, color: input.color, resolution: SCAN_DPI });
    return { pages: await this.store(image, 'scanner', input, officer, input.color) };
  }

  // ---- files from the picker or the camera, in parts

  uploadPart(input: { uploadId: string; offset: number; data: string }): { received: number } {
    const file = this.partFile(input.uploadId);
    const have = fs.existsSync(file) ? fs.statSync(file).size : 0;
    if (input.offset !== have) throw new AppError('CONFLICT', 'Phần tệp gửi lên không liền mạch; hãy tải lại tệp', { expectedOffset: have });
    const bytes = Buffer.from(input.data, 'base64');
    if (have + bytes.length > MAX_SCAN_FILE_BYTES) {
      fs.rmSync(file, { force: true });
      throw tooBig(have + bytes.length);
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, bytes);
    return { received: have + bytes.length };
  }

  async addUpload(input: ScanTarget & { uploadId: string; source: 'upload' | 'camera'; color: boolean }, officer: Officer) {
    this.checkTarget(input);
    const file = this.partFile(input.uploadId);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'Chưa nhận được tệp; hãy chọn lại tệp');
    try {
      return { pages: await this.store(fs.readFileSync(file), input.source, input, officer, input.color) };
    } finally {
      // Stored or refused, the parts are done with: a refused file is chosen again, not resumed.
      fs.rmSync(file, { force: true });
    }
  }

  // ---- the scan folder

  folder() {
    const folder = this.watchedFolder();
    return { dir: folder.dir, files: folder.list() };
  }

  setFolder(dir: string, officer: Officer) {
    if (!path.isAbsolute(dir)) throw new AppError('INVALID_INPUT', 'Hãy nhập đường dẫn đầy đủ của thư mục quét');
    // An existing folder only: a mistyped path must not create folders anywhere on the PC.
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new AppError('INVALID_INPUT', 'Không tìm thấy thư mục này trên máy; hãy tạo thư mục quét trước rồi chọn lại');
    const at = this.deps.clock.now().toISOString();
    this.deps.db.transaction((tx) => {
      tx.insert(setting).values({ key: FOLDER_SETTING, value: dir, updatedAt: at }).onConflictDoUpdate({ target: setting.key, set: { value: dir, updatedAt: at } }).run();
      appendAudit(tx, { at, officerId: officer.id, action: 'scans.setFolder', target: null, details: { dir } });
    });
    return { dir };
  }

  /** Each named file is stored then moved aside; a refused file stays where it was, named in the error. */
  async addFromFolder(input: ScanTarget & { names: string[]; color: boolean }, officer: Officer) {
    this.checkTarget(input);
    const folder = this.watchedFolder();
    const pages: ScanPage[] = [];
    for (const name of input.names) {
      let added: ScanPage[];
      try {
        added = await this.store(folder.read(name), 'folder', input, officer, input.color);
      } catch (err) {
        if (err instanceof AppError) throw new AppError(err.code, `${name}: ${err.message}`, { file: name, stored: pages.length });
        throw err;
      }
      folder.markTaken(name, this.deps.clock.now().toISOString());
      pages.push(...added);
    }
    return { pages };
  }

  // ---- arranging

  list(input: { batch: string } | { dossierId: string }) {
    const where = 'batch' in input ? eq(scanPage.batch, input.batch) : eq(scanPage.dossierId, input.dossierId);
    const rows = this.deps.db
      .select()
      .from(scanPage)
      .where(and(where, isNull(scanPage.removedAt)))
      .orderBy(asc(scanPage.role), asc(scanPage.itemPosition), asc(scanPage.seq))
      .all();
    return { pages: rows.map(publicPage) };
  }

  thumbnail(pageId: string) {
    const page = this.page(pageId);
    return { png: page.thumbSha256 ? this.deps.files.get(page.thumbSha256).toString('base64') : null };
  }

  rotate(pageId: string, by: 90 | 180 | 270, officer: Officer) {
    const page = this.page(pageId);
    const rotation = (page.rotation + by) % 360;
    this.deps.db.transaction((tx) => {
      tx.update(scanPage).set({ rotation }).where(eq(scanPage.id, pageId)).run();
      if (page.dossierId) this.audit(tx, officer, 'scans.rotate', page.dossierId, { pageId, sha256: page.sha256, rotation });
    });
    return publicPage({ ...page, rotation });
  }

  /** Moves a page to position `toSeq` (1-based) among its item's pages, renumbering the rest. */
  move(pageId: string, toSeq: number, officer: Officer) {
    const page = this.page(pageId);
    const siblings = this.siblings(page);
    const order = siblings.filter((p) => p.id !== pageId);
    order.splice(Math.min(toSeq, siblings.length) - 1, 0, page);
    this.deps.db.transaction((tx) => {
      order.forEach((p, i) => tx.update(scanPage).set({ seq: i + 1 }).where(eq(scanPage.id, p.id)).run());
      if (page.dossierId) this.audit(tx, officer, 'scans.move', page.dossierId, { pageId, sha256: page.sha256, toSeq });
    });
    return { pages: this.siblings(page).map(publicPage) };
  }

  remove(pageId: string, reason: string | undefined, officer: Officer) {
    const page = this.page(pageId);
    const at = this.deps.clock.now().toISOString();
    if (!page.dossierId) {
      // Not yet part of any dossier: the officer is still arranging the intake form's pages.
      this.deps.db.transaction((tx) => {
        tx.delete(scanPage).where(eq(scanPage.id, pageId)).run();
        this.audit(tx, officer, 'scans.discard', null, { batch: page.batch, pageId, sha256: page.sha256 });
      });
      return { removed: true };
    }
    if (!reason || reason.trim().length < 3) throw new AppError('INVALID_INPUT', 'Trang đã thuộc hồ sơ: hãy ghi lý do gỡ trang');
    this.deps.db.transaction((tx) => {
      tx.update(scanPage).set({ removedAt: at, removedBy: officer.id, removedReason: reason }).where(eq(scanPage.id, pageId)).run();
      this.audit(tx, officer, 'scans.remove', page.dossierId, { pageId, sha256: page.sha256, item: page.itemName, reason });
    });
    return { removed: true };
  }

  /** Binds the intake batch's pages to the dossier received from that form; the audit row carries every page's hash. */
  attach(batch: string, dossierId: string, officer: Officer) {
    this.checkDossier(dossierId);
    return this.deps.db.transaction((tx) => this.bindBatch(tx, batch, dossierId, officer));
  }

  /**
   * The binding itself, inside the caller's transaction: `dossiers.receive` calls it in the
   * receipt's own transaction, so a dossier is never on disk without the pages scanned for it.
   */
  bindBatch(tx: DbExecutor, batch: string, dossierId: string, officer: Officer) {
    const pages = tx.select().from(scanPage).where(and(eq(scanPage.batch, batch), isNull(scanPage.dossierId))).orderBy(asc(scanPage.itemPosition), asc(scanPage.seq)).all();
    if (pages.length === 0) return { pages: 0, files: [] };
    tx.update(scanPage).set({ dossierId }).where(and(eq(scanPage.batch, batch), isNull(scanPage.dossierId))).run();
    this.audit(tx, officer, 'scans.attach', dossierId, { batch, pages: pages.map((p) => ({ item: p.itemPosition, seq: p.seq, sha256: p.sha256 })) });
    return { pages: pages.length, files: pages.map((p) => p.sha256) };
  }

  async itemPdf(input: { batch?: string | undefined; dossierId?: string | undefined; role: 'document' | 'result'; itemPosition: number }) {
    const owner = input.dossierId ? eq(scanPage.dossierId, input.dossierId) : input.batch ? eq(scanPage.batch, input.batch) : null;
    if (!owner) throw new AppError('INVALID_INPUT', 'Thiếu hồ sơ hoặc phiên tiếp nhận');
    const pages = this.deps.db
      .select()
      .from(scanPage)
      .where(and(owner, eq(scanPage.role, input.role), eq(scanPage.itemPosition, input.itemPosition), isNull(scanPage.removedAt)))
      .orderBy(asc(scanPage.seq))
      .all();
    if (pages.length === 0) throw new AppError('NOT_FOUND', 'Giấy tờ này chưa có trang nào được số hóa');
    const { PDFDocument, degrees } = await import('pdf-lib');
    const out = await PDFDocument.create();
    for (const p of pages) {
      const src = await PDFDocument.load(this.deps.files.get(p.sha256));
      const [copied] = await out.copyPages(src, [0]);
      copied!.setRotation(degrees((copied!.getRotation().angle + p.rotation) % 360));
      out.addPage(copied!);
    }
    return { pdf: Buffer.from(await out.save()).toString('base64'), pages: pages.length };
  }

  // ---- reuse by ID number

  reusable(idNumber: string) {
    const rows = this.deps.db
      .select({ page: scanPage, code: dossier.code, procedureName: dossier.procedureName })
      .from(scanPage)
      .innerJoin(dossier, eq(dossier.id, scanPage.dossierId))
      .where(and(eq(dossier.applicantIdNumber, idNumber), eq(scanPage.role, 'document'), isNull(scanPage.removedAt), isNotNull(scanPage.dossierId)))
      .orderBy(desc(dossier.receivedAt), asc(scanPage.itemPosition), asc(scanPage.seq))
      .all();
    const items = new Map<string, { dossierId: string; dossierCode: string; procedureName: string; itemName: string; digitisedAt: string; pageIds: string[] }>();
    for (const { page, code, procedureName } of rows) {
      const key = `${page.dossierId}|${page.itemPosition}`;
      const item = items.get(key) ?? { dossierId: page.dossierId!, dossierCode: code, procedureName, itemName: page.itemName, digitisedAt: page.addedAt, pageIds: [] };
      item.pageIds.push(page.id);
      if (page.addedAt < item.digitisedAt) item.digitisedAt = page.addedAt;
      items.set(key, item);
    }
    return { items: [...items.values()] };
  }

  /** The earlier pages join this item as new rows naming the same stored files: nothing is scanned or copied again. */
  reuse(input: ScanTarget & { pageIds: string[] }, officer: Officer) {
    this.checkTarget(input);
    const found = this.deps.db.select().from(scanPage).where(and(inArray(scanPage.id, input.pageIds), isNull(scanPage.removedAt), isNotNull(scanPage.dossierId))).all();
    const byId = new Map(found.map((p) => [p.id, p]));
    const sources = input.pageIds.map((id) => byId.get(id));
    if (sources.some((p) => !p)) throw new AppError('NOT_FOUND', 'Có trang số hóa cũ không còn; hãy tải lại danh sách giấy tờ đã số hóa');
    const pages = sources as PageRow[];
    return {
      pages: this.insertPages(
        input,
        'reuse',
        officer,
        pages.map((p) => ({ sha256: p.sha256, size: p.size, thumbSha256: p.thumbSha256, rotation: p.rotation })),
        { reusedFrom: pages.map((p) => ({ pageId: p.id, dossierId: p.dossierId })) },
      ),
    };
  }

  // ---- storing

  /**
   * Normalises the captured bytes, makes every page durable in the file store, and only then
   * writes the rows and the audit row naming their hashes, in one transaction: a refused input
   * or a full disk leaves no row behind.
   */
  private async store(bytes: Uint8Array, source: Source, target: ScanTarget, officer: Officer, color: boolean): Promise<ScanPage[]> {
    const normalised: NormalisedPage[] = await normalise(bytes, { color });
    const stored = normalised.map((p) => ({ pdf: this.deps.files.put(p.pdf), thumb: p.thumbnail ? this.deps.files.put(p.thumbnail) : null }));
    return this.insertPages(
      target,
      source,
      officer,
      stored.map((s) => ({ sha256: s.pdf.sha256, size: s.pdf.size, thumbSha256: s.thumb?.sha256 ?? null, rotation: 0 })),
    );
  }

  /** The rows of pages already durable in the file store, after the item's last page, with their audit row. */
  private insertPages(
    target: ScanTarget,
    source: Source,
    officer: Officer,
    files: { sha256: string; size: number; thumbSha256: string | null; rotation: number }[],
    extra: Record<string, unknown> = {},
  ): ScanPage[] {
    const at = this.deps.clock.now().toISOString();
    return this.deps.db.transaction((tx) => {
      const last =
        tx
          .select({ seq: max(scanPage.seq) })
          .from(scanPage)
          .where(and(eq(scanPage.batch, target.batch), eq(scanPage.role, target.role), eq(scanPage.itemPosition, target.item.position)))
          .get()?.seq ?? 0;
      const rows: PageRow[] = files.map((f, i) => ({
        id: newId(),
        batch: target.batch,
        dossierId: target.dossierId ?? null,
        role: target.role,
        itemPosition: target.item.position,
        itemName: target.item.name,
        seq: last + i + 1,
        sha256: f.sha256,
        size: f.size,
        thumbSha256: f.thumbSha256,
        rotation: f.rotation,
        source,
        addedAt: at,
        addedBy: officer.id,
        removedAt: null,
        removedBy: null,
        removedReason: null,
      }));
      for (const r of rows) tx.insert(scanPage).values(r).run();
      this.audit(tx, officer, source === 'reuse' ? 'scans.reuse' : 'scans.add', target.dossierId ?? null, {
        batch: target.batch,
        role: target.role,
        item: target.item.position,
        source,
        pages: rows.map((r) => ({ seq: r.seq, sha256: r.sha256, size: r.size })),
        ...extra,
      });
      return rows.map(publicPage);
    });
  }

  private checkTarget(target: ScanTarget): void {
    if (target.dossierId) this.checkDossier(target.dossierId);
    else if (target.role === 'result') throw new AppError('INVALID_INPUT', 'Kết quả chỉ gắn được vào hồ sơ đã tiếp nhận');
  }

  private checkDossier(dossierId: string): void {
    if (!this.deps.db.select({ id: dossier.id }).from(dossier).where(eq(dossier.id, dossierId)).get()) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ');
  }

  private page(pageId: string): PageRow {
    const row = this.deps.db.select().from(scanPage).where(and(eq(scanPage.id, pageId), isNull(scanPage.removedAt))).get();
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy trang số hóa');
    return row;
  }

  private siblings(page: PageRow): PageRow[] {
    return this.deps.db
      .select()
      .from(scanPage)
      .where(and(eq(scanPage.batch, page.batch), eq(scanPage.role, page.role), eq(scanPage.itemPosition, page.itemPosition), isNull(scanPage.removedAt)))
      .orderBy(asc(scanPage.seq))
      .all();
  }

  private watchedFolder(): WatchedFolder {
    const saved = this.deps.db.select({ value: setting.value }).from(setting).where(eq(setting.key, FOLDER_SETTING)).get()?.value;
    if (typeof saved === 'string') return new WatchedFolder(saved);
    const inbox = path.join(this.deps.dataDir, 'scan-inbox');
    fs.mkdirSync(inbox, { recursive: true });
    return new WatchedFolder(inbox);
  }

  private partFile(uploadId: string): string {
    if (!/^[A-Za-z0-9_-]{8,60}$/.test(uploadId)) throw new AppError('INVALID_INPUT', 'Mã tải lên không hợp lệ');
    return path.join(this.deps.dataDir, 'scans-incoming', `${uploadId}.part`);
  }

  private audit(tx: DbExecutor, officer: Officer, action: string, target: string | null, details: unknown): void {
    appendAudit(tx, { at: this.deps.clock.now().toISOString(), officerId: officer.id, action, target, details });
  }
}

function publicPage(row: PageRow): ScanPage {
  return {
    id: row.id,
    batch: row.batch,
    dossierId: row.dossierId,
    role: row.role,
    itemPosition: row.itemPosition,
    itemName: row.itemName,
    seq: row.seq,
    sha256: row.sha256,
    size: row.size,
    hasThumbnail: row.thumbSha256 !== null,
    rotation: row.rotation,
    source: row.source,
    addedAt: row.addedAt,
  };
}
