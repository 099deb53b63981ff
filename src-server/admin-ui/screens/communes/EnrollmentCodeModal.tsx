/**
 * Shows a freshly issued enrollment code. The hub keeps only its hash, so this dialog is the only
 * time anyone sees it; closing it forgets the code.
 */
import { Alert, Modal, Typography } from 'antd';
import { vi } from '../../i18n/vi';
import { when } from '../../ui/format';

export interface IssuedCode {
  communeName: string;
  code: string;
  expiresAt: string;
}

export function EnrollmentCodeModal(props: { issued: IssuedCode | undefined; onClose(): void }) {
  const { issued } = props;
  return (
    <Modal
      title={issued ? vi.enrollment.title(issued.communeName) : ''}
      open={issued !== undefined}
      onCancel={props.onClose}
      onOk={props.onClose}
      okText={vi.common.close}
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
    >
      {issued && (
        <>
          <Alert type="warning" showIcon title={vi.enrollment.onceWarning} style={{ marginBottom: 16 }} />
          <Typography.Paragraph
            className="enrollment-code"
            data-testid="enrollment-code"
            copyable={{ text: issued.code, tooltips: [vi.enrollment.copy, vi.enrollment.copied] }}
          >
            {issued.code}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{vi.enrollment.expires(when(issued.expiresAt))}</Typography.Text>
        </>
      )}
    </Modal>
  );
}
