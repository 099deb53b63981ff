/** Trả kết quả: dossiers waiting at the counter, each one click (and a confirmation) from returned. */
import { Button, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { DossierSummary } from '@shared/rpc/dossiers';
import { vi } from '../../i18n/vi';
import { useViewportHeight } from '../../ui/useViewportHeight';
import { ActionDialog } from '../dossiers/ActionDialog';
import { DossierList } from '../dossiers/DossierList';

export function ReturnsScreen() {
  const height = useViewportHeight();
  const [target, setTarget] = useState<DossierSummary | null>(null);
  const fixed = useMemo(() => ({ status: 'result_ready' as const }), []);
  return (
    <div>
      <Typography.Title level={1} className="title-size-3" style={{ marginTop: 0, marginBottom: 0 }}>
        {vi.returns.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {vi.returns.intro}
      </Typography.Paragraph>
      <DossierList
        testId="returns"
        fixed={fixed}
        showFilters={false}
        viewportHeight={height}
        reservedHeight={64 + 48 + 44 + 30 + 40}
        extraColumn={(r) => (
          <Button
            type="primary"
            size="small"
            onClick={(e) => {
              e.stopPropagation();
              setTarget(r);
            }}
          >
            {vi.returns.action}
          </Button>
        )}
      />
      {target && <ActionDialog dossierId={target.id} code={target.code} action="returnResult" applicantName={target.applicantName} onClose={() => setTarget(null)} />}
    </div>
  );
}
