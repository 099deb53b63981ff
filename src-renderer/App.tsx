/** The app's life: loading, first-run setup, sign-in, then the shell. */
import { Alert, App as AntApp, Button, ConfigProvider, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { Suspense, useEffect } from 'react';
import { uiTheme } from '../src-ui/theme';
import { useMotionToken } from '../src-ui/reduced-motion';
import { vi } from './i18n/vi';
import { Login } from './screens/Login';
import { useSession } from './stores/session';
import { UI_FONT_FAMILY } from './ui/font';
import { lazyComponent } from './ui/lazy-component';
import { ScreenLoadBoundary } from './ui/ScreenLoadBoundary';
import { whenIdle } from './ui/when-idle';

// Only the sign-in screen is in the first chunk; what comes after it loads in its own (README, "Loading").
const SetupWizard = lazyComponent(() => import('./screens/SetupWizard').then((m) => m.SetupWizard));
const ForcedPasswordChange = lazyComponent(() => import('./screens/ChangePassword').then((m) => m.ForcedPasswordChange));
const Shell = lazyComponent(() => import('./shell/Shell').then((m) => m.Shell));

const PRELOAD_AFTER_MS = 400;

/** The shell and every screen, fetched while the officer types a password; each step is idempotent. */
async function preloadSignedIn(): Promise<void> {
  await Shell.preload();
  const { preloadScreens } = await import('./shell/screens');
  await preloadScreens();
}

function Loading() {
  return (
    <div className="centered-page">
      <Spin size="large" tip={vi.common.loading}>
        <div style={{ width: 200, height: 80 }} />
      </Spin>
    </div>
  );
}

function Phase() {
  // boot() has started already (main.tsx), before React's first render; the retry starts it again.
  const { phase, error, boot } = useSession();

  const signingIn = phase === 'login' || phase === 'changePassword' || phase === 'ready';
  useEffect(() => {
    if (!signingIn) return;
    // Not in the first instant: the form's first keystroke should not wait on the screens' parsing.
    // An officer takes longer than that to start typing; its screens are in before the password is.
    return whenIdle(() => void preloadSignedIn().catch((err: unknown) => console.error('preloading the screens failed', err)), { afterMs: PRELOAD_AFTER_MS });
  }, [signingIn]);

  switch (phase) {
    case 'loading':
      return <Loading />;
    case 'unavailable':
      return (
        <div className="centered-page">
          <Alert type="error" showIcon message={error} action={<Button onClick={() => void boot()}>{vi.common.retry}</Button>} />
        </div>
      );
    case 'setup':
      return <SetupWizard.Component />;
    case 'login':
      return <Login />;
    case 'changePassword':
      return <ForcedPasswordChange.Component />;
    case 'ready':
      return <Shell.Component />;
  }
}

export function App() {
  const motion = useMotionToken();
  return (
    <ConfigProvider locale={viVN} theme={uiTheme({ fontSize: 15, fontFamily: UI_FONT_FAMILY, motion })}>
      {/* AntApp gives dialogs and messages opened from code the theme and the Vietnamese locale. */}
      <AntApp>
        <ScreenLoadBoundary>
          <Suspense fallback={<Loading />}>
            <Phase />
          </Suspense>
        </ScreenLoadBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
