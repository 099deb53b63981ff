/** Thành phần hồ sơ: the procedure's documents with editable original/copy counts, plus extras. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber } from 'antd';
import { vi } from '../../i18n/vi';

const t = vi.intake;

export function DocumentsChecklist() {
  return (
    <Form.List name="documents">
      {(fields, { add, remove }) => (
        <div className="doc-list" data-testid="documents">
          <div className="doc-row doc-head">
            <span>{t.docName}</span>
            <span>{t.originals}</span>
            <span>{t.copies}</span>
            <span />
          </div>
          {fields.map((f) => (
            <div className="doc-row" key={f.key}>
              <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true, message: vi.setup.required }]}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} aria-label={t.docName} />
              </Form.Item>
              <Form.Item name={[f.name, 'originals']} noStyle>
                <InputNumber min={0} max={1000} precision={0} aria-label={t.originals} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name={[f.name, 'copies']} noStyle>
                <InputNumber min={0} max={1000} precision={0} aria-label={t.copies} style={{ width: '100%' }} />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined aria-hidden />} onClick={() => remove(f.name)} aria-label={vi.supplement.remove} tabIndex={-1} />
            </div>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', originals: 0, copies: 1 })}>
            {t.addDocument}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
