/**
 * The procedure catalog in force, its history of versions, and the type-ahead over it.
 * The seed in assets/seed/catalog.json is loaded on first start; later versions come from an
 * administrator or the province and never overwrite earlier ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import { loadCatalog, procedureSchema, proceduresInForce, PROCEDURE_FIELDS, type Catalog, type Procedure, type ProcedureDeadline } from '@shared/domain/catalog';
import { DEADLINE_UNIT_LABELS, type DeadlineUnit } from '@shared/domain/deadline';
import { foldForSearch } from '@shared/domain/text';
import { vnYmd } from '@shared/domain/vn-time';
import type { ProcedureSummary } from '@shared/rpc/catalog';
import type { Clock } from '../clock';
import type { CounterDb } from '../db/open';
import { preparedPerConnection } from '../db/prepared';
import { catalogVersion } from '../db/schema';

type Origin = (typeof catalogVersion.$inferInsert)['origin'];

const latestCatalogVersion = preparedPerConnection((c) => c.prepare<[], { id: number }>('SELECT id FROM catalog_version ORDER BY id DESC LIMIT 1'));

interface Indexed {
  procedure: Procedure;
  summary: ProcedureSummary;
  /** Code, id, name and field, folded: what a query's words must all be found in. */
  folded: string;
  /** The code and the name alone, folded: what ranks the matches. */
  foldedCode: string;
  foldedName: string;
}

/** Lower sorts first: [tier, where the query starts in the name, the name's length]. */
type MatchRank = [number, number, number];

/**
 * How well a folded query matches a procedure, or null when some word is missing. Tiers: the code
 * typed (0); the query as a phrase starting a word of the name, "khai tu" in "dang ky khai tu" (1);
 * every word starting a word of the name (2); the words found anywhere, inside other words or only
 * in the field's name (3). Within a tier the earlier and then the shorter name wins, so "Đăng ký
 * khai tử" comes before "Đăng ký khai tử lưu động" and before "Đăng ký lại khai tử".
 */
export function procedureMatchRank(query: string, entry: Pick<Indexed, 'folded' | 'foldedCode' | 'foldedName'>): MatchRank | null {
  const words = query.split(' ').filter(Boolean);
  if (!words.every((w) => entry.folded.includes(w))) return null;
  const length = entry.foldedName.length;
  if (words.length === 0) return [3, 0, 0];
  if (entry.foldedCode && entry.foldedCode.startsWith(query)) return [0, 0, length];
  const name = ` ${entry.foldedName}`;
  const phraseAt = name.indexOf(` ${query}`);
  if (phraseAt >= 0) return [1, phraseAt, length];
  if (words.every((w) => name.includes(` ${w}`))) return [2, 0, length];
  return [3, 0, length];
}

/** "Trong ngày", "05 ngày làm việc"… as printed on Mẫu 01 and in the catalog. */
export function limitText(limit: { amount: number; unit: DeadlineUnit }): string {
  return limit.unit === 'same_day' ? 'Trong ngày' : `${limit.amount} ${DEADLINE_UNIT_LABELS[limit.unit]}`;
}

export function deadlineText(p: Procedure): string {
  return p.deadline ? limitText(p.deadline) : 'Chưa có thời hạn';
}

export class CatalogService {
  private cache: { versionId: number; catalog: Catalog; index: Indexed[] } | null = null;
  /** Catalog versions are never rewritten, so a parsed one stays valid for the process. */
  private readonly byVersion = new Map<string, Catalog>();

  constructor(
    private readonly db: CounterDb,
    private readonly clock: Clock,
    private readonly seedFile: string,
  ) {}

  /**
   * Loads the shipped seed on first start. After an upgrade, a catalog nobody has changed (still the
   * shipped seed) follows the newly shipped one; an admin's or the province's catalog stays.
   */
  ensureSeeded(): void {
    const latest = this.db.select({ origin: catalogVersion.origin, version: catalogVersion.version }).from(catalogVersion).orderBy(desc(catalogVersion.id)).limit(1).get();
    const json: unknown = JSON.parse(fs.readFileSync(this.seedFile, 'utf8'));
    // Validating the whole shipped catalog (zod, ~100 ms of CPU) at every start only to learn that
    // it was already stored was a tenth of the host's start: only its version is read until it must be stored.
    const shippedVersion = (json as { version?: unknown } | null)?.version;
    if (latest && (latest.origin !== 'seed' || latest.version === shippedVersion)) return;
    this.store(loadCatalog(json), 'seed', null);
  }

  current(): Catalog {
    return this.loaded().catalog;
  }

  currentVersion(): string {
    return this.current().version;
  }

  /**
   * Type-ahead over code and name, ignoring diacritics (including đ) and case, best match first
   * (procedureMatchRank): Enter on the first line picks what the officer meant.
   */
  search(query: string, limit: number): ProcedureSummary[] {
    const today = vnYmd(this.clock.now());
    const folded = foldForSearch(query);
    const found: { summary: ProcedureSummary; rank: MatchRank }[] = [];
    for (const entry of this.loaded().index) {
      const p = entry.procedure;
      if (p.effectiveFrom > today || (p.effectiveTo !== null && today > p.effectiveTo)) continue;
      const rank = procedureMatchRank(folded, entry);
      if (rank) found.push({ summary: entry.summary, rank });
    }
    // Array.prototype.sort is stable: equal ranks keep the catalog's order.
    found.sort((x, y) => x.rank[0] - y.rank[0] || x.rank[1] - y.rank[1] || x.rank[2] - y.rank[2]);
    return found.slice(0, limit).map((f) => f.summary);
  }

  /** By national code (2.000815) or local id; the one in force today wins over expired ones. */
  get(codeOrId: string): Procedure {
    const key = codeOrId.trim();
    const candidates = this.current().procedures.filter((p) => p.code === key || p.id === key);
    const inForce = proceduresInForce({ ...this.current(), procedures: candidates }, vnYmd(this.clock.now()));
    const found = inForce[0] ?? candidates[0];
    if (!found) throw new AppError('NOT_FOUND', `Không có thủ tục mã "${key}" trong danh mục`);
    return found;
  }

  /**
   * The procedure as it stood in the catalog version a dossier was received under (its rules
   * decide that dossier's limits); the catalog in force when that version is gone.
   */
  procedureAt(catalogVersionName: string, procedureId: string): Procedure | null {
    let catalog = this.byVersion.get(catalogVersionName);
    if (!catalog) {
      const row = this.db
        .select({ body: catalogVersion.body })
        .from(catalogVersion)
        .where(eq(catalogVersion.version, catalogVersionName))
        .orderBy(desc(catalogVersion.id))
        .limit(1)
        .get();
      if (!row) return this.current().procedures.find((p) => p.id === procedureId) ?? null;
      catalog = loadCatalog(row.body);
      this.byVersion.set(catalogVersionName, catalog);
    }
    return catalog.procedures.find((p) => p.id === procedureId) ?? this.current().procedures.find((p) => p.id === procedureId) ?? null;
  }

  versions() {
    return this.db
      .select()
      .from(catalogVersion)
      .orderBy(desc(catalogVersion.id))
      .all()
      .map((r) => this.versionInfo(r.id, r.version, r.publishedAt, r.source, r.origin, r.importedAt, (r.body as Catalog).procedures.length));
  }

  import(json: unknown, origin: Origin, officerId: string | null) {
    const catalog = this.validate(json);
    return this.store(catalog, origin, officerId);
  }

  /** An admin edit of one procedure: the whole catalog is written again as a new version. */
  saveProcedure(json: unknown, officerId: string) {
    const parsed = procedureSchema.safeParse(json);
    if (!parsed.success) {
      throw new AppError('INVALID_INPUT', 'Thông tin thủ tục không hợp lệ', {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code })),
      });
    }
    const current = this.current();
    const procedures = current.procedures.some((p) => p.id === parsed.data.id)
      ? current.procedures.map((p) => (p.id === parsed.data.id ? parsed.data : p))
      : [...current.procedures, parsed.data];
    const now = this.clock.now();
    const next = this.validate({ ...current, version: `${current.version}+admin.${now.getTime()}`, publishedAt: vnYmd(now), procedures });
    return this.store(next, 'admin', officerId);
  }

  /** The deadline of one procedure, from the province's quyết định công bố: a new version. */
  setDeadline(procedureId: string, deadline: ProcedureDeadline, officerId: string) {
    const p = this.current().procedures.find((x) => x.id === procedureId);
    if (!p) throw new AppError('NOT_FOUND', `Không có thủ tục "${procedureId}" trong danh mục`);
    return { before: p.deadline, version: this.saveProcedure({ ...p, deadline, confidence: { ...p.confidence, deadline: deadline.confidence } }, officerId) };
  }

  private validate(json: unknown): Catalog {
    try {
      return loadCatalog(json);
    } catch (err) {
      const e = err as { message: string; details?: unknown };
      throw new AppError('INVALID_INPUT', e.message, e.details);
    }
  }

  private store(catalog: Catalog, origin: Origin, officerId: string | null) {
    const importedAt = this.clock.now().toISOString();
    const row = this.db
      .insert(catalogVersion)
      .values({ version: catalog.version, publishedAt: catalog.publishedAt, source: catalog.source, origin, body: catalog, importedAt, importedBy: officerId })
      .returning({ id: catalogVersion.id })
      .get();
    this.cache = null;
    return this.versionInfo(row.id, catalog.version, catalog.publishedAt, catalog.source, origin, importedAt, catalog.procedures.length);
  }

  private versionInfo(id: number, version: string, publishedAt: string, source: string, origin: string, importedAt: string, procedures: number) {
    return { id, version, publishedAt, source, origin, importedAt, procedures };
  }

  private loaded() {
    // Every receipt asks (three times): the version check is a prepared statement, not a new query.
    const latest = latestCatalogVersion(this.db).get();
    if (!latest) throw new AppError('NOT_INITIALIZED', 'Chưa có danh mục thủ tục');
    if (this.cache?.versionId === latest.id) return this.cache;
    const body = this.db.select().from(catalogVersion).orderBy(desc(catalogVersion.id)).limit(1).get()!.body as Catalog;
    const catalog = loadCatalog(body);
    const index = catalog.procedures.map((p) => ({
      procedure: p,
      folded: foldForSearch(`${p.code ?? ''} ${p.id} ${p.name} ${PROCEDURE_FIELDS[p.field]}`),
      foldedCode: foldForSearch(p.code ?? ''),
      foldedName: foldForSearch(p.name),
      summary: {
        id: p.id,
        code: p.code,
        name: p.name,
        field: p.field,
        fieldLabel: PROCEDURE_FIELDS[p.field],
        deadlineText: deadlineText(p),
        hasDeadline: p.deadline !== null,
        interAgency: p.interAgency,
        receivedFor: p.receivedFor?.agency ?? null,
      },
    }));
    this.cache = { versionId: latest.id, catalog, index };
    return this.cache;
  }
}

export function seedPath(assetsDir: string, name: string): string {
  return path.join(assetsDir, 'seed', name);
}
