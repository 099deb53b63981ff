/**
 * The sign-in card both browser UIs show: the counter's (src-renderer/screens/Login.tsx) and the
 * province admin page's (src-server/admin-ui/screens/Login.tsx). The words come from the caller,
 * whose dictionary holds every string it shows; so does what signing in means.
 */
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState, type ReactNode } from 'react';

export interface SignInWords {
  username: string;
  password: string;
  submit: string;
  /** Under an empty field. */
  required: string;
  /** When signing in fails with something that is not an Error. */
  unexpected: string;
}

interface Fields {
  username: string;
  password: string;
}

export function SignInForm(props: {
  /** Above the fields: the app, the office, what signing in opens. */
  header: ReactNode;
  words: SignInWords;
  /** Resolves to the refusal to show (a wrong password), or null once signed in; a throw is shown by its message. */
  signIn(username: string, password: string): Promise<string | null>;
}) {
  const { words } = props;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit({ username, password }: Fields) {
    setBusy(true);
    setError(null);
    try {
      setError(await props.signIn(username, password));
    } catch (err) {
      setError(err instanceof Error ? err.message : words.unexpected);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card style={{ width: 400 }}>
      {props.header}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form<Fields> layout="vertical" onFinish={submit} name="login" requiredMark={false}>
        <Form.Item name="username" label={words.username} rules={[{ required: true, message: words.required }]}>
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={words.password} rules={[{ required: true, message: words.required }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {words.submit}
        </Button>
      </Form>
    </Card>
  );
}
