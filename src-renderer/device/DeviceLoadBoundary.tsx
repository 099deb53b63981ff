/**
 * Where a citizen device's page that could not be loaded says so, and comes back by itself.
 *
 * A calling screen, a rating tablet or a kiosk runs for days with nobody at it. Its code lives in
 * its own chunk (main.tsx), and that chunk can fail to arrive: the device was switched on before
 * the counter PC that serves it (a power cut ends for both at once), the host went away mid-fetch,
 * or the page was kept open across an update and asks for chunk names the new build no longer
 * has. Without this boundary React leaves the screen blank, and it stays blank until somebody
 * walks over with a keyboard. The officers' app has "Thử lại" for this (ui/ScreenLoadBoundary.tsx);
 * a device has no officer in front of it, so it tries again on its own.
 *
 * Every RETRY_MS it asks the host for the page itself; once the host answers, it reloads. A reload,
 * not a second fetch of the same chunk, because after an update only a reload learns the new
 * chunk names. The device's pairing lives in localStorage (device-token.ts), so it survives the
 * reload; a device holds nothing typed that a reload could lose but a half-written phản ánh, and
 * that page could not be shown anyway. A page that throws while drawing lands here too, is logged,
 * and is reloaded the same way, at most once every RETRY_MS.
 */
import { Component, type ReactNode } from 'react';
import { isFetchFailure } from '@shared/errors';
import { vi } from '../i18n/vi';

const t = vi.deviceLoad;

/** How often a device whose page failed asks whether its host is back. */
export const RETRY_MS = 10_000;

interface State {
  failed: boolean;
}

export class DeviceLoadBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };
  private timer: ReturnType<typeof setInterval> | null = null;
  private asking = false;

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('the device page could not be shown', error);
    this.timer ??= setInterval(() => void this.reloadWhenHostAnswers(), RETRY_MS);
  }

  override componentWillUnmount(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async reloadWhenHostAnswers(): Promise<void> {
    if (this.asking) return;
    this.asking = true;
    try {
      const res = await fetch(window.location.href, { cache: 'no-store' });
      if (res.ok) window.location.reload();
    } catch (err) {
      // The host is still away: the next tick asks again. Anything else is a fault of this page.
      if (!isFetchFailure(err)) throw err;
    } finally {
      this.asking = false;
    }
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="centered-page">
        <div role="status" data-testid="device-load-failed" style={{ maxWidth: 720, textAlign: 'center' }}>
          <h1 style={{ fontSize: 32, fontWeight: 600, color: '#1f2937', margin: '0 0 16px' }}>{t.title}</h1>
          <p style={{ fontSize: 22, color: '#374151', margin: 0 }}>{t.detail}</p>
        </div>
      </main>
    );
  }
}
