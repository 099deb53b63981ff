/** The signed-in frame: navigation on the left, the office and officer on top, the screen inside. */
import {
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CloudSyncOutlined,
  DashboardOutlined,
  FileAddOutlined,
  FolderOpenOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  SendOutlined,
  SettingOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { vi } from '../i18n/vi';
import { ChangePasswordDialog } from '../screens/ChangePassword';
import { LockScreen } from '../screens/LockScreen';
import { CallBar } from '../screens/queue/CallBar';
import { useNavigation, type Screen } from '../stores/navigation';
import { useSession } from '../stores/session';
import { ScreenLoadBoundary } from '../ui/ScreenLoadBoundary';
import { DossierDrawerView, PrintPreviewView, SCREEN_VIEWS } from './screens';
import { StorageWarning } from './StorageWarning';
import { SyncIndicator } from './SyncIndicator';
import { useIdleLock } from './useIdleLock';
import { useShortcuts } from './useShortcuts';

const MENU: { key: Screen; icon: ReactNode }[] = [
  { key: 'home', icon: <DashboardOutlined aria-hidden /> },
  { key: 'intake', icon: <FileAddOutlined aria-hidden /> },
  { key: 'dossiers', icon: <FolderOpenOutlined aria-hidden /> },
  { key: 'returns', icon: <SendOutlined aria-hidden /> },
  { key: 'register', icon: <BookOutlined aria-hidden /> },
  { key: 'reports', icon: <BarChartOutlined aria-hidden /> },
  { key: 'sync', icon: <CloudSyncOutlined aria-hidden /> },
  { key: 'catalog', icon: <UnorderedListOutlined aria-hidden /> },
  { key: 'settings', icon: <SettingOutlined aria-hidden /> },
];

/** F2/F3 are the counter's two most used keys; the rest of the menu is Alt+position. */
const HINTS: Partial<Record<Screen, string>> = { intake: 'F2', dossiers: 'F3' };

export function Shell() {
  const { office, officer, locked, lock, signOut } = useSession();
  const [changingPassword, setChangingPassword] = useState(false);
  const [accountMenuOpen, setAccountMenuOpen] = useState(false);
  const { screen, go } = useNavigation();
  const ScreenView = SCREEN_VIEWS[screen];
  useIdleLock();
  useShortcuts(!locked);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={210} theme="light" breakpoint="lg" collapsedWidth={64}>
        <div className="brand">
          <AuditOutlined aria-hidden /> {vi.appName}
        </div>
        <Menu
          mode="inline"
          selectedKeys={[screen]}
          onClick={(e) => go(e.key as Screen)}
          items={MENU.map((m, i) => ({
            key: m.key,
            icon: m.icon,
            label: (
              <span className="menu-label">
                <span>{vi.nav[m.key]}</span>
                <kbd title={`${vi.keys.hint}: Alt+${i + 1}${HINTS[m.key] ? ` / ${HINTS[m.key]}` : ''}`}>{HINTS[m.key] ?? `Alt+${i + 1}`}</kbd>
              </span>
            ),
          }))}
          aria-label="Điều hướng"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <div className="header-title">
            <Typography.Text strong ellipsis>
              {office?.name}
            </Typography.Text>
            <SyncIndicator />
          </div>
          <Space>
            {/* The officer's own account: a click on the name (the header keeps its look). */}
            <Dropdown
              trigger={['click']}
              open={accountMenuOpen}
              onOpenChange={setAccountMenuOpen}
              menu={{
                items: [{ key: 'password', icon: <KeyOutlined aria-hidden />, label: vi.password.change }],
                onClick: () => {
                  setAccountMenuOpen(false);
                  setChangingPassword(true);
                },
              }}
            >
              <span
                data-testid="officer-name"
                role="button"
                tabIndex={0}
                style={{ cursor: 'pointer' }}
                title={vi.password.change}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    setAccountMenuOpen(true);
                  }
                }}
              >
                {officer?.fullName}
              </span>
            </Dropdown>
            {officer && <Tag>{vi.shell.roles[officer.role]}</Tag>}
            <Button icon={<LockOutlined aria-hidden />} onClick={() => void lock('manual')} title={vi.shell.lockNow} aria-label={vi.shell.lockNow} />
            <Button icon={<LogoutOutlined aria-hidden />} onClick={() => void signOut()}>
              {vi.shell.logout}
            </Button>
          </Space>
        </Layout.Header>
        {office && !locked && <CallBar />}
        <Layout.Content className="app-content">
          {office && <StorageWarning />}
          {/* Opened straight onto a locked session, nothing is loaded until the unlock. */}
          {/* While a screen's chunk is still on its way, the shell stays and the content area waits empty. */}
          {office && (
            <ScreenLoadBoundary key={screen}>
              <Suspense fallback={null}>
                <ScreenView.Component />
              </Suspense>
            </ScreenLoadBoundary>
          )}
        </Layout.Content>
      </Layout>
      <ScreenLoadBoundary>
        <Suspense fallback={null}>
          <DossierDrawerView.Component />
          <PrintPreviewView.Component />
        </Suspense>
      </ScreenLoadBoundary>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
      {locked && <LockScreen />}
    </Layout>
  );
}
