import 'dayjs/locale/vi';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DeviceApp } from './device/DeviceApp';
import { deviceScopeOfPath } from './device/device-pages';
import './styles.css';

dayjs.locale('vi');

// The citizen pages of paired LAN devices (/kiosk, /display, /rating, /lookup, /board) share the
// bundle but not the officers' app: no sign-in, no shell, only the device's own page.
const devicePage = typeof window !== 'undefined' && !window.motcua ? deviceScopeOfPath(window.location.pathname) : null;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {devicePage ? <DeviceApp page={devicePage} /> : <App />}
  </StrictMode>,
);
