/** The admin page's shell: Vietnamese locale, sign-in gate, and one screen per nav entry. */
import { App, Button, ConfigProvider, Layout, Menu, Space, Typography } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { useState } from 'react';
import { uiTheme } from '../../src-ui/theme';
import { useMotionToken } from '../../src-ui/reduced-motion';
import { vi } from './i18n/vi';
import { Communes } from './screens/Communes';
import { DossierSearch } from './screens/DossierSearch';
import { Feedback } from './screens/Feedback';
import { Login } from './screens/Login';
import { OnTimeRates } from './screens/OnTimeRates';
import { Satisfaction } from './screens/Satisfaction';
import { RejectedOps } from './screens/RejectedOps';
import { Signatures } from './screens/Signatures';
import { UsbBundles } from './screens/UsbBundles';
import { useSession } from './stores/session';
import { UI_FONT_FAMILY } from './ui/font';

type ScreenKey = 'communes' | 'dossiers' | 'onTime' | 'satisfaction' | 'feedback' | 'rejectedOps' | 'signatures' | 'usbBundles';

const SCREENS: Record<ScreenKey, () => React.JSX.Element> = {
  communes: Communes,
  dossiers: DossierSearch,
  onTime: OnTimeRates,
  satisfaction: Satisfaction,
  feedback: Feedback,
  rejectedOps: RejectedOps,
  signatures: Signatures,
  usbBundles: UsbBundles,
};

function Shell() {
  const session = useSession((s) => s.session)!;
  const logout = useSession((s) => s.logout);
  const [screen, setScreen] = useState<ScreenKey>('communes');
  const Screen = SCREENS[screen];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="admin-header">
        {/* The page's one h1 (screen readers, axe): each screen's own title is its card's. */}
        <h1 className="admin-title">{vi.appTitle}</h1>
        <Menu
          mode="horizontal"
          selectedKeys={[screen]}
          onClick={(e) => setScreen(e.key as ScreenKey)}
          items={(Object.keys(SCREENS) as ScreenKey[]).map((key) => ({ key, label: vi.nav[key] }))}
        />
        <Space>
          <Typography.Text type="secondary">{vi.signedInAs(session.username)}</Typography.Text>
          <Button onClick={logout}>{vi.logout}</Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="admin-content">
        <Screen />
      </Layout.Content>
    </Layout>
  );
}

export function AdminApp() {
  const signedIn = useSession((s) => s.session !== null);
  const motion = useMotionToken();
  return (
    <ConfigProvider locale={viVN} theme={uiTheme({ fontFamily: UI_FONT_FAMILY, motion })}>
      <App>{signedIn ? <Shell /> : <Login />}</App>
    </ConfigProvider>
  );
}
