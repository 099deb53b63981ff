/**
 * The public procedure board's answers (src-shared/rpc/board.ts) from the catalog in force: the
 * same diacritic-free search as the officers' picker ("khai tu" finds "Đăng ký khai tử"), and one
 * procedure with a QR drawn by the receipts' own QR encoder: of its page on Cổng Dịch vụ công
 * quốc gia when the catalog gives that address, else of its national code.
 */
import { PROCEDURE_FIELDS, type Procedure } from '@shared/domain/catalog';
import type { BoardProcedure } from '@shared/rpc/board';
import type { ProcedureSummary } from '@shared/rpc/catalog';
import { deadlineText, type CatalogService } from '../catalog/catalog-service';
import { qrMatrix } from '../print/qr/matrix';

/** Every procedure fits: the seed has 51, a commune's catalog a few hundred at most. */
const ALL = 1000;

export class BoardService {
  constructor(private readonly catalog: CatalogService) {}

  search(query: string): ProcedureSummary[] {
    return this.catalog.search(query, ALL);
  }

  procedure(id: string): BoardProcedure {
    const procedure = this.catalog.get(id);
    return { procedure, fieldLabel: PROCEDURE_FIELDS[procedure.field], deadlineText: deadlineText(procedure), portal: boardPortal(procedure) };
  }
}

/** What the board's QR carries: the portal page's address when known, else the code; null with neither. */
export function boardPortal(p: Pick<Procedure, 'code' | 'portalUrl'>): BoardProcedure['portal'] {
  const payload = p.portalUrl ?? p.code;
  if (!payload) return null;
  return { code: p.code, url: p.portalUrl ?? null, qr: modules(payload) };
}

function modules(payload: string) {
  const m = qrMatrix(payload, 'M');
  return { size: m.size, dark: Array.from(m.dark, (b) => (b ? '1' : '0')).join('') };
}
