/**
 * Fee lines as the receipt will show them, computed here from the procedure's rules for a live
 * preview. Core recomputes them on receipt from the same shared rules; this is never sent.
 */
import { Typography } from 'antd';
import type { Procedure } from '@shared/domain/catalog';
import { computeFees, type FeeResult } from '@shared/domain/fees';
import { formatDong } from '@shared/domain/text';
import { vi } from '../../i18n/vi';

const t = vi.intake;

interface Props {
  procedure: Procedure;
  pages?: number | null;
  copies?: number | null;
  channel: 'direct' | 'postal';
  onDate: string;
  exemptionId?: string | null;
}

export function needsPages(procedure: Procedure): boolean {
  return procedure.fees.some((f) => f.kind === 'per_page');
}

export function FeePreview({ procedure, pages, copies, channel, onDate, exemptionId }: Props) {
  if (procedure.fees.length === 0) return <Typography.Text type="secondary">{t.feeNone}</Typography.Text>;
  if (needsPages(procedure) && !pages) return <Typography.Text type="warning">{t.feeNeedPages}</Typography.Text>;
  let result: FeeResult;
  try {
    result = computeFees(procedure, { pages: pages ?? undefined, copies: copies ?? undefined, channel, onDate, ...(exemptionId ? { exemption: { id: exemptionId } } : {}) });
  } catch (err) {
    return <Typography.Text type="danger">{(err as Error).message}</Typography.Text>;
  }
  return (
    <table className="fee-table" data-testid="fee-lines">
      <tbody>
        {result.lines.map((l, i) => (
          <tr key={i}>
            <td>
              {l.label}
              {l.exemptReason && <div className="muted">{l.exemptReason}</div>}
            </td>
            <td className="money">{formatDong(l.amount)}</td>
          </tr>
        ))}
        {result.missingAmounts.map((m) => (
          <tr key={m.ruleId}>
            <td>{m.label}</td>
            <td className="money muted">{t.feeMissing}</td>
          </tr>
        ))}
        <tr className="total">
          <td>{t.feeTotal}</td>
          <td className="money" data-testid="fee-total">
            {formatDong(result.total)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
