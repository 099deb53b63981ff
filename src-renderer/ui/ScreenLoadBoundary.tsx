/**
 * Where a screen whose code could not be loaded says so, instead of leaving the page blank.
 *
 * Since the screens load from their own chunks (ui/lazy-component.ts), a screen can fail to arrive:
 * a browser tab on the LAN kept open across an update asks for chunk names the new build no longer
 * has, or the host went away mid-fetch. "Thử lại" asks for the chunk again and keeps everything in
 * memory (the intake draft lives there only, stores/intakeDraft.ts); reloading the page fetches
 * the current build and keeps the session, not the draft, which the text says. A screen that
 * throws while drawing lands here too; it is logged.
 */
import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { vi } from '../i18n/vi';
import { retryFailedChunks } from './lazy-component';

const t = vi.screenLoad;

interface State {
  failed: boolean;
}

export class ScreenLoadBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('a screen could not be shown', error);
  }

  private readonly retry = () => {
    retryFailedChunks();
    this.setState({ failed: false });
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div data-testid="screen-load-failed">
        <Result
          status="warning"
          title={t.title}
          subTitle={t.detail}
          extra={[
            <Button key="retry" type="primary" autoFocus onClick={this.retry}>
              {t.retry}
            </Button>,
            <Button key="reload" onClick={() => window.location.reload()}>
              {t.reload}
            </Button>,
          ]}
        />
      </div>
    );
  }
}
