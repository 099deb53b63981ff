import 'dayjs/locale/vi';
import dayjs from 'dayjs';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DeviceLoadBoundary } from './device/DeviceLoadBoundary';
import { deviceScopeOfPath } from './device/device-pages';
import { useSession } from './stores/session';
import { lazyComponent } from './ui/lazy-component';
import { quietLibraryIcons } from '../src-ui/quiet-library-icons';
import './styles.css';

dayjs.locale('vi');
// antd's own icons would be read aloud by their English names (src-ui/quiet-library-icons.ts).
quietLibraryIcons(document.body);

// The citizen pages of paired LAN devices (/kiosk, /display, /rating, /lookup, /board) share the
// build but not the officers' app: no sign-in, no shell, only the device's own page, in its own chunk;
// a device whose chunk does not arrive says so and reloads once its host answers (DeviceLoadBoundary).
const DeviceApp = lazyComponent(() => import('./device/DeviceApp').then((m) => m.DeviceApp));
const devicePage = typeof window !== 'undefined' && !window.motcua ? deviceScopeOfPath(window.location.pathname) : null;

// The officers' app asks core where it stands (setup, sign-in, a saved session) before React's
// first render, so the answer travels while the loading screen is drawn, not after it.
if (!devicePage) void useSession.getState().boot();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {devicePage ? (
      <DeviceLoadBoundary>
        <Suspense fallback={null}>
          <DeviceApp.Component page={devicePage} />
        </Suspense>
      </DeviceLoadBoundary>
    ) : (
      <App />
    )}
  </StrictMode>,
);
