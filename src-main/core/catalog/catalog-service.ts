/**
 * The procedure catalog in force, its history of versions, and the type-ahead over it.
 * The seed in assets/seed/catalog.json is loaded on first start; later versions come from an
 * administrator or the province and never overwrite earlier ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { desc } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import { loadCatalog, procedureSchema, proceduresInForce, PROCEDURE_FIELDS, type Catalog, type Procedure } from '@shared/domain/catalog';
import { DEADLINE_UNIT_LABELS } from '@shared/domain/deadline';
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
  folded: string;
}

export function deadlineText(p: Procedure): string {
  if (!p.deadline) return 'Chưa có thời hạn';
  const unit = DEADLINE_UNIT_LABELS[p.deadline.unit];
  return p.deadline.unit === 'same_day' ? 'Trong ngày' : `${p.deadline.amount} ${unit}`;
}

export class CatalogService {
  private cache: { versionId: number; catalog: Catalog; index: Indexed[] } | null = null;

  constructor(
    private readonly db: CounterDb,
    private readonly clock: Clock,
    private readonly seedFile: string,
  ) {}

  /** Loads the shipped seed when the database has no catalog yet (first start). */
  ensureSeeded(): void {
    if (this.db.select({ id: catalogVersion.id }).from(catalogVersion).limit(1).get()) return;
    const catalog = loadCatalog(JSON.parse(fs.readFileSync(this.seedFile, 'utf8')));
    this.store(catalog, 'seed', null);
  }

  current(): Catalog {
    return this.loaded().catalog;
  }

  currentVersion(): string {
    return this.current().version;
  }

  /** Type-ahead over code and name, ignoring diacritics (including đ) and case. */
  search(query: string, limit: number): ProcedureSummary[] {
    const today = vnYmd(this.clock.now());
    const words = foldForSearch(query).split(' ').filter(Boolean);
    const out: ProcedureSummary[] = [];
    for (const entry of this.loaded().index) {
      const p = entry.procedure;
      if (p.effectiveFrom > today || (p.effectiveTo !== null && today > p.effectiveTo)) continue;
      if (words.every((w) => entry.folded.includes(w))) {
        out.push(entry.summary);
        if (out.length >= limit) break;
      }
    }
    return out;
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
      summary: {
        id: p.id,
        code: p.code,
        name: p.name,
        field: p.field,
        fieldLabel: PROCEDURE_FIELDS[p.field],
        deadlineText: deadlineText(p),
        interAgency: p.interAgency,
      },
    }));
    this.cache = { versionId: latest.id, catalog, index };
    return this.cache;
  }
}

export function seedPath(assetsDir: string, name: string): string {
  return path.join(assetsDir, 'seed', name);
}
