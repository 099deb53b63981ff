/**
 * What a Mẫu 02 lists: every missing item at once (hướng dẫn một lần, đầy đủ) and why. Used at
 * the counter before receipt and when a received dossier is sent back for a supplement.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber } from 'antd';
import type { PrintDetails } from '@shared/rpc/print';
import { vi } from '../../i18n/vi';

const t = vi.supplement;

export interface SupplementValues {
  items: { name: string; originals: number; certifiedCopies: number; photocopies: number }[];
  reason: string;
}

export function supplementDetails(v: SupplementValues): NonNullable<PrintDetails['supplement']> {
  return {
    items: v.items.map((i) => ({
      name: i.name,
      originals: i.originals ?? 0,
      certifiedCopies: i.certifiedCopies ?? 0,
      photocopies: i.photocopies ?? 0,
    })),
    reason: v.reason,
  };
}

type SupplementItem = SupplementValues['items'][number];

/** `suggestions`: the dossier's own papers, each added to the list by one button (Enter or Space). */
export function SupplementFields({ suggestions = [] }: { suggestions?: SupplementItem[] }) {
  const items = Form.useWatch<SupplementItem[] | undefined>('items');
  const listed = new Set((items ?? []).map((i) => i?.name));
  return (
    <>
      <Form.List
        name="items"
        rules={[{ validator: async (_r, items?: unknown[]) => (items?.length ? undefined : Promise.reject(new Error(t.needItem))) }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div className="doc-list supplement-list">
            <div className="doc-row doc-head">
              <span>{t.name}</span>
              <span>{t.originals}</span>
              <span>{t.certifiedCopies}</span>
              <span>{t.photocopies}</span>
              <span />
            </div>
            {fields.map((f) => (
              <div className="doc-row" key={f.key}>
                <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true, message: vi.setup.required }]}>
                  <Input aria-label={t.name} />
                </Form.Item>
                {(['originals', 'certifiedCopies', 'photocopies'] as const).map((k) => (
                  <Form.Item name={[f.name, k]} noStyle key={k}>
                    <InputNumber min={0} max={1000} precision={0} aria-label={t[k]} style={{ width: '100%' }} />
                  </Form.Item>
                ))}
                <Button type="text" icon={<DeleteOutlined aria-hidden />} onClick={() => remove(f.name)} aria-label={t.remove} tabIndex={-1} />
              </div>
            ))}
            <div className="supplement-suggestions" data-testid="supplement-suggestions">
              {suggestions
                .filter((s) => !listed.has(s.name))
                .map((s) => (
                  <Button key={s.name} size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add(s)} title={s.name}>
                    {s.name}
                  </Button>
                ))}
              <Button type="dashed" size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', originals: 0, certifiedCopies: 1, photocopies: 0 })}>
                {t.add}
              </Button>
            </div>
            <Form.ErrorList errors={errors} />
          </div>
        )}
      </Form.List>
      <Form.Item name="reason" label={t.reason} rules={[{ required: true, whitespace: true, message: vi.setup.required }]} style={{ marginTop: 12 }}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </>
  );
}
