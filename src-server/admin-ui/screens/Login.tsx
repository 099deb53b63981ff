/** Admin sign-in: HTTP Basic credentials checked against the hub before anything is shown. */
import { Typography } from 'antd';
import { SignInForm } from '../../../src-ui/SignInForm';
import { vi } from '../i18n/vi';
import { useSession } from '../stores/session';

export function Login() {
  const login = useSession((s) => s.login);

  return (
    <main className="login-page">
      <SignInForm
        header={
          <>
            <Typography.Title level={1} className="login-title">
              {vi.login.title}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{vi.appTitle}</Typography.Paragraph>
          </>
        }
        words={{ ...vi.login, unexpected: vi.errors.unexpected }}
        signIn={async (username, password) => ((await login(username.trim(), password)) ? null : vi.login.wrong)}
      />
    </main>
  );
}
