/**
 * Báo cáo: Biểu II.06a and Phục vụ tại quầy for leaders and administrators, Kết thúc ngày for
 * everyone. Core enforces
 * the roles; an officer sees why the II.06a tab is empty instead of a bare error.
 */
import { Alert, Tabs, Typography } from 'antd';
import { vi } from '../../i18n/vi';
import { useSession } from '../../stores/session';
import { useFocusOnMount } from '../../ui/useFocusOnMount';
import { FeedbackTab } from '../feedback/FeedbackTab';
import { DailyClosingTab } from './DailyClosingTab';
import { II06aTab } from './II06aTab';
import { ServiceTab } from './ServiceTab';

const t = vi.reports;

export function ReportsScreen() {
  const role = useSession((s) => s.officer?.role);
  const mayReport = role === 'leader' || role === 'admin';
  const root = useFocusOnMount<HTMLDivElement>();
  return (
    <div data-testid="reports" ref={root} tabIndex={-1} className="screen-root">
      <Typography.Title level={1} style={{ marginTop: 0, marginBottom: 0 }} className="title-size-3 no-print">
        {t.title}
      </Typography.Title>
      <Tabs
        defaultActiveKey={mayReport ? 'ii06a' : 'daily'}
        destroyOnHidden
        items={[
          {
            key: 'ii06a',
            label: t.ii06a,
            children: mayReport ? <II06aTab /> : <Alert type="info" showIcon title={t.forbidden} data-testid="ii06a-forbidden" />,
          },
          { key: 'daily', label: t.daily, children: <DailyClosingTab /> },
          { key: 'feedback', label: vi.feedback.screenTitle, children: <FeedbackTab /> },
          {
            key: 'service',
            label: vi.serviceReport.title,
            children: mayReport ? <ServiceTab /> : <Alert type="info" showIcon title={t.forbidden} />,
          },
        ]}
      />
    </div>
  );
}
