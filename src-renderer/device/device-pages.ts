/** The citizen pages a paired device shows, one path each, served by the browser host on the LAN. */
import type { DeviceScope } from '@shared/rpc';

export const DEVICE_PATHS: Record<DeviceScope, string> = {
  kiosk: '/kiosk',
  display: '/display',
  rating: '/rating',
  lookup: '/lookup',
  board: '/board',
};

/** The scope whose page this path is, or null for the officers' app. */
export function deviceScopeOfPath(pathname: string): DeviceScope | null {
  const first = `/${pathname.split('/').filter(Boolean)[0] ?? ''}`;
  const found = (Object.entries(DEVICE_PATHS) as [DeviceScope, string][]).find(([, p]) => p === first);
  return found ? found[0] : null;
}
