/** Danh mục: procedures, catalog versions (import/export) and the working calendar. */
import { Tabs, Typography } from 'antd';
import { useState } from 'react';
import { vi } from '../../i18n/vi';
import { useSession } from '../../stores/session';
import { CalendarTab } from './CalendarTab';
import { ProceduresTab } from './ProceduresTab';
import { VersionsTab } from './VersionsTab';

export function CatalogScreen() {
  const isAdmin = useSession((s) => s.officer?.role === 'admin');
  const [version, setVersion] = useState(0);
  return (
    <div data-testid="catalog">
      <Typography.Title level={1} className="title-size-3" style={{ marginTop: 0, marginBottom: 0 }}>
        {vi.catalog.title}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'procedures', label: vi.catalog.procedures, children: <ProceduresTab version={version} /> },
          { key: 'versions', label: vi.catalog.versions, children: <VersionsTab isAdmin={isAdmin} onImported={() => setVersion((v) => v + 1)} /> },
          { key: 'calendar', label: vi.catalog.calendar, children: <CalendarTab isAdmin={isAdmin} /> },
        ]}
      />
    </div>
  );
}
