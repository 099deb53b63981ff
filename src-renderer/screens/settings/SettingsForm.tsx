/** The office's settings; only an administrator may change them (core enforces it as well). */
import { Alert, App, Button, Collapse, Form, Input, InputNumber, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { RpcOutput, Settings } from '@shared/rpc';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { useSession } from '../../stores/session';
import { now } from '../../ui/clock';
import { errorText, showFieldErrors } from '../../ui/errors';
import { codePatternExample } from './code-pattern-text';

const t = vi.settings;
type Printers = RpcOutput<'print.printers'>;
/** antd Select cannot hold null: the OS default printer is this value on screen. */
const DEFAULT_PRINTER = '';

export function SettingsForm({ isAdmin }: { isAdmin: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Settings>();
  const [printers, setPrinters] = useState<Printers | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pattern = Form.useWatch('dossierCodePattern', form);
  const agencyCode = useSession((s) => s.office?.agencyCode);
  const example = pattern ? codePatternExample(pattern, agencyCode, now()) : null;

  useEffect(() => {
    call('settings.get', {})
      .then((s) => form.setFieldsValue({ ...s, printer: s.printer ?? DEFAULT_PRINTER }))
      .catch((err) => setError(errorText(err)));
    call('print.printers', {})
      .then(setPrinters)
      .catch((err) => setPrinters({ items: [], selected: null, error: errorText(err) }));
  }, [form]);

  async function save(v: Settings) {
    setBusy(true);
    setError(null);
    try {
      const saved = await call('settings.update', { ...v, printer: v.printer || null });
      useSession.setState({ settings: saved });
      message.success(t.saved);
    } catch (err) {
      showFieldErrors(form, err);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={!isAdmin} style={{ maxWidth: 560 }} name="settings">
      {!isAdmin && <Alert type="info" showIcon title={t.readOnly} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="idleLockMinutes" label={t.idleLockMinutes}>
        <InputNumber min={0} max={240} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="sessionMaxHours" label={t.sessionMaxHours}>
        <InputNumber min={1} max={24} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item label={t.codePattern.title}>
        <div data-testid="code-pattern-example">
          {example ? (
            <>
              <div>{t.codePattern.example(example.example)}</div>
              <div className="muted">{t.codePattern.made}</div>
              <ol className="muted" style={{ margin: 0 }}>
                {example.parts.map((part) => (
                  <li key={part}>{part}</li>
                ))}
              </ol>
            </>
          ) : (
            pattern && <div className="muted">{t.codePattern.invalid}</div>
          )}
        </div>
        {isAdmin && (
          <Collapse
            size="small"
            ghost
            items={[
              {
                key: 'pattern',
                label: t.codePattern.change,
                forceRender: true,
                children: (
                  <Form.Item name="dossierCodePattern" label={t.codePattern.patternLabel} extra={t.codePattern.patternHelp} style={{ marginBottom: 0 }}>
                    <Input style={{ fontVariantNumeric: 'tabular-nums' }} />
                  </Form.Item>
                ),
              },
            ]}
          />
        )}
      </Form.Item>
      {!isAdmin && (
        <Form.Item name="dossierCodePattern" hidden>
          <Input />
        </Form.Item>
      )}
      <Form.Item name="printer" label={t.printer} extra={printers?.error ? `${t.printerError}: ${printers.error}` : undefined}>
        <Select
          options={[
            { value: DEFAULT_PRINTER, label: vi.print.systemDefault },
            ...(printers?.items ?? []).map((p) => ({ value: p.name, label: `${p.name}${p.isDefault ? ' ★' : ''} (${p.state})` })),
          ]}
        />
      </Form.Item>
      <Form.Item name="signerTitle" label={t.signerTitle}>
        <Input />
      </Form.Item>
      <Form.Item name="signerName" label={t.signerName}>
        <Input />
      </Form.Item>
      {isAdmin && (
        <Button type="primary" htmlType="submit" loading={busy}>
          {vi.common.save}
        </Button>
      )}
    </Form>
  );
}
