/** Sign-in at the counter: the shared sign-in card (src-ui) under the app's and the office's name. */
import { Typography } from 'antd';
import { SignInForm } from '../../src-ui/SignInForm';
import { vi } from '../i18n/vi';
import { useSession } from '../stores/session';

export function Login() {
  const signIn = useSession((s) => s.signIn);
  const office = useSession((s) => s.office);

  return (
    <main className="centered-page">
      <SignInForm
        header={
          <>
            <Typography.Title level={1} className="title-size-3">
              {vi.appName}
            </Typography.Title>
            {office && <Typography.Paragraph type="secondary">{office.name}</Typography.Paragraph>}
            <Typography.Title level={2} className="title-size-5">
              {vi.login.title}
            </Typography.Title>
          </>
        }
        words={{ ...vi.login, required: vi.setup.required, unexpected: vi.login.unexpected }}
        signIn={async (username, password) => {
          await signIn(username, password);
          return null;
        }}
      />
    </main>
  );
}
