/**
 * The table of Biểu II.06a with the official grouped headers and column numbers (1)–(13)
 * (DOMAIN.md §9.1). A plain table: the layout must match the printed form cell for cell.
 */
import type { II06a, II06aRow } from '@shared/rpc/reports';
import { vi } from '../../i18n/vi';

const c = vi.reports.cols;

/** Data columns (3)–(13) in the form's order. */
const COLUMNS: { n: number; key: keyof Omit<II06aRow, 'field' | 'fieldLabel'> }[] = [
  { n: 3, key: 'received' },
  { n: 4, key: 'receivedOnline' },
  { n: 5, key: 'receivedDirect' },
  { n: 6, key: 'carriedOver' },
  { n: 7, key: 'resolved' },
  { n: 8, key: 'resolvedEarly' },
  { n: 9, key: 'resolvedOnTime' },
  { n: 10, key: 'resolvedLate' },
  { n: 11, key: 'pending' },
  { n: 12, key: 'pendingInTime' },
  { n: 13, key: 'pendingLate' },
];

function Cells({ row }: { row: II06aRow }) {
  return COLUMNS.map(({ n, key }) => (
    <td key={n} className="num" data-col={n}>
      {row[key]}
    </td>
  ));
}

export function II06aTable({ report }: { report: II06a }) {
  return (
    <div className="report-scroll">
      <table className="report-table" data-testid="ii06a-table">
        <thead>
          <tr>
            <th rowSpan={3} style={{ width: 40 }}>
              {c.tt}
            </th>
            <th rowSpan={3} style={{ minWidth: 220 }}>
              {c.field}
            </th>
            <th colSpan={4}>{c.receivedGroup}</th>
            <th colSpan={4}>{c.resolvedGroup}</th>
            <th colSpan={3}>{c.pendingGroup}</th>
          </tr>
          <tr>
            <th rowSpan={2}>{c.total}</th>
            <th colSpan={3}>{c.ofWhich}</th>
            <th rowSpan={2}>{c.total}</th>
            <th rowSpan={2}>{c.early}</th>
            <th rowSpan={2}>{c.onTime}</th>
            <th rowSpan={2}>{c.late}</th>
            <th rowSpan={2}>{c.total}</th>
            <th rowSpan={2}>{c.inTime}</th>
            <th rowSpan={2}>{c.late}</th>
          </tr>
          <tr>
            <th>{c.online}</th>
            <th>{c.direct}</th>
            <th>{c.carried}</th>
          </tr>
          <tr className="col-numbers">
            {Array.from({ length: 13 }, (_, i) => (
              <th key={i}>({i + 1})</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.length === 0 && (
            <tr>
              <td colSpan={13} className="empty">
                {vi.reports.empty}
              </td>
            </tr>
          )}
          {report.rows.map((r, i) => (
            <tr key={r.field} data-testid="ii06a-row">
              <td className="num">{i + 1}</td>
              <td>{r.fieldLabel}</td>
              <Cells row={r} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="ii06a-total">
            <td />
            <td>{vi.reports.totalRow}</td>
            <Cells row={report.total} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
