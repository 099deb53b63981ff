/** The app's life: loading, first-run setup, sign-in, then the shell. */
import { Alert, App as AntApp, Button, ConfigProvider, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { useEffect } from 'react';
import { uiTheme } from '../src-ui/theme';
import { vi } from './i18n/vi';
import { ForcedPasswordChange } from './screens/ChangePassword';
import { Login } from './screens/Login';
import { SetupWizard } from './screens/SetupWizard';
import { Shell } from './shell/Shell';
import { useSession } from './stores/session';
import { UI_FONT_FAMILY } from './ui/font';

function Phase() {
  const { phase, error, boot } = useSession();
  useEffect(() => {
    void boot();
  }, [boot]);

  switch (phase) {
    case 'loading':
      return (
        <div className="centered-page">
          <Spin size="large" tip={vi.common.loading}>
            <div style={{ width: 200, height: 80 }} />
          </Spin>
        </div>
      );
    case 'unavailable':
      return (
        <div className="centered-page">
          <Alert type="error" showIcon message={error} action={<Button onClick={() => void boot()}>{vi.common.retry}</Button>} />
        </div>
      );
    case 'setup':
      return <SetupWizard />;
    case 'login':
      return <Login />;
    case 'changePassword':
      return <ForcedPasswordChange />;
    case 'ready':
      return <Shell />;
  }
}

export function App() {
  return (
    <ConfigProvider locale={viVN} theme={uiTheme({ fontSize: 15, colorPrimary: '#1d5fb4', fontFamily: UI_FONT_FAMILY })}>
      {/* AntApp gives dialogs and messages opened from code the theme and the Vietnamese locale. */}
      <AntApp>
        <Phase />
      </AntApp>
    </ConfigProvider>
  );
}
