/** The signed-in frame: navigation on the left, the office and officer on top, the screen inside. */
import {
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CloudSyncOutlined,
  DashboardOutlined,
  FileAddOutlined,
  FolderOpenOutlined,
  LockOutlined,
  LogoutOutlined,
  SendOutlined,
  SettingOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { vi } from '../i18n/vi';
import { Home } from '../screens/Home';
import { LockScreen } from '../screens/LockScreen';
import { Planned } from '../screens/Planned';
import { useNavigation, type Screen } from '../stores/navigation';
import { useSession } from '../stores/session';
import { useIdleLock } from './useIdleLock';

const MENU: { key: Screen; icon: ReactNode }[] = [
  { key: 'home', icon: <DashboardOutlined /> },
  { key: 'intake', icon: <FileAddOutlined /> },
  { key: 'dossiers', icon: <FolderOpenOutlined /> },
  { key: 'returns', icon: <SendOutlined /> },
  { key: 'register', icon: <BookOutlined /> },
  { key: 'reports', icon: <BarChartOutlined /> },
  { key: 'sync', icon: <CloudSyncOutlined /> },
  { key: 'catalog', icon: <UnorderedListOutlined /> },
  { key: 'settings', icon: <SettingOutlined /> },
];

function ScreenView({ screen }: { screen: Screen }) {
  if (screen === 'home') return <Home />;
  return <Planned title={vi.nav[screen]} />;
}

export function Shell() {
  const { office, officer, locked, lock, signOut } = useSession();
  const { screen, go } = useNavigation();
  useIdleLock();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={210} theme="light" breakpoint="lg" collapsedWidth={64}>
        <div className="brand">
          <AuditOutlined /> {vi.appName}
        </div>
        <Menu
          mode="inline"
          selectedKeys={[screen]}
          onClick={(e) => go(e.key as Screen)}
          items={MENU.map((m) => ({ key: m.key, icon: m.icon, label: vi.nav[m.key] }))}
          aria-label="Điều hướng"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Text strong ellipsis style={{ maxWidth: '55%' }}>
            {office?.name}
          </Typography.Text>
          <Space>
            <span data-testid="officer-name">{officer?.fullName}</span>
            {officer && <Tag>{vi.shell.roles[officer.role]}</Tag>}
            <Button icon={<LockOutlined />} onClick={lock} title={vi.shell.lockNow} aria-label={vi.shell.lockNow} />
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
              {vi.shell.logout}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <ScreenView screen={screen} />
        </Layout.Content>
      </Layout>
      {locked && <LockScreen />}
    </Layout>
  );
}
