/**
 * The public procedure board's answers (src-shared/rpc/board.ts) from the catalog in force: the
 * same diacritic-free search as the officers' picker ("khai tu" finds "Đăng ký khai tử"), and one
 * procedure with the QR of its national code drawn by the receipts' own QR encoder.
 */
import { PROCEDURE_FIELDS } from '@shared/domain/catalog';
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
    const portal = procedure.code ? { code: procedure.code, qr: modules(procedure.code) } : null;
    return { procedure, fieldLabel: PROCEDURE_FIELDS[procedure.field], deadlineText: deadlineText(procedure), portal };
  }
}

function modules(payload: string) {
  const m = qrMatrix(payload, 'M');
  return { size: m.size, dark: Array.from(m.dark, (b) => (b ? '1' : '0')).join('') };
}
