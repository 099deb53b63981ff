/** Cài đặt: the office's identity, its settings, and (for administrators) officers, backups and the audit log. */
import { Tabs, Typography } from 'antd';
import { vi } from '../../i18n/vi';
import { useSession } from '../../stores/session';
import { AuditPanel } from './AuditPanel';
import { BackupPanel } from './BackupPanel';
import { OfficePanel } from './OfficePanel';
import { DevicesPanel } from './DevicesPanel';
import { OcrStatusPanel } from './OcrStatusPanel';
import { OfficersPanel } from './OfficersPanel';
import { SigningPanel } from '../signing/SigningPanel';
import { SettingsForm } from './SettingsForm';

const t = vi.settings;

export function SettingsScreen() {
  const office = useSession((s) => s.office);
  const isAdmin = useSession((s) => s.officer?.role === 'admin');
  return (
    <div data-testid="settings">
      <Typography.Title level={1} className="title-size-3" style={{ marginTop: 0, marginBottom: 0 }}>
        {t.title}
      </Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'general',
            label: t.general,
            children: (
              <>
                <SettingsForm isAdmin={isAdmin} />
                <OcrStatusPanel />
              </>
            ),
          },
          {
            key: 'office',
            label: t.office,
            children: office && <OfficePanel office={office} isAdmin={isAdmin} />,
          },
          { key: 'signing', label: vi.signing.tab, children: <SigningPanel isAdmin={isAdmin} /> },
          ...(isAdmin
            ? [
                { key: 'officers', label: t.officers, children: <OfficersPanel /> },
                { key: 'backups', label: vi.backup.tab, children: <BackupPanel /> },
                { key: 'devices', label: vi.devices.tab, children: <DevicesPanel /> },
                { key: 'audit', label: vi.audit.tab, children: <AuditPanel /> },
              ]
            : []),
        ]}
      />
    </div>
  );
}
