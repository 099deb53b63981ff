/** A navigation target whose screen is not built yet: says so plainly instead of faking it. */
import { Empty, Typography } from 'antd';
import { vi } from '../i18n/vi';

export function Planned({ title }: { title: string }) {
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <Empty description={vi.planned.body} />
    </div>
  );
}
