/** Tổng quan: who is at the counter, for which office, on which day. */
import { Card, Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import { vi } from '../i18n/vi';
import { useSession } from '../stores/session';

export function Home() {
  const { office, officer } = useSession();
  const today = dayjs();
  return (
    <div data-testid="home">
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {office?.name}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{office?.governingBody}</Typography.Paragraph>
      <Card>
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label={vi.home.today}>
            <span data-testid="today">{capitalize(today.format('dddd, [ngày] DD/MM/YYYY'))}</span>
          </Descriptions.Item>
          <Descriptions.Item label={vi.home.greeting}>{officer?.fullName}</Descriptions.Item>
          <Descriptions.Item label={vi.home.agencyCode}>{office?.agencyCode}</Descriptions.Item>
          <Descriptions.Item label={vi.setup.province}>{office?.province}</Descriptions.Item>
        </Descriptions>
      </Card>
    </div>
  );
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}
