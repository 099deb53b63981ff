/**
 * The period of a province report (Tỷ lệ đúng hạn, Mức độ hài lòng, Phản ánh, kiến nghị): this
 * month by the hub's clock unless the administrator picks other days, sent as Vietnamese days
 * whatever the browser's time zone (Vietnam keeps UTC+7 all year), the last day included.
 */
import { DatePicker, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { nowDayjs } from './clock';

const vnDayStart = (day: Dayjs) => `${day.format('YYYY-MM-DD')}T00:00:00+07:00`;

export interface Period {
  range: [Dayjs, Dayjs] | null;
  setRange(range: [Dayjs, Dayjs] | null): void;
  /** The report's input: from the first day's start to the start of the day after the last. */
  input: { from?: string; to?: string };
  /** What a load of the report depends on. */
  deps: unknown[];
}

export function usePeriod(): Period {
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(() => [nowDayjs().startOf('month'), nowDayjs().endOf('month')]);
  const input = range ? { from: vnDayStart(range[0]), to: vnDayStart(range[1].add(1, 'day')) } : {};
  return { range, setRange, input, deps: [range?.[0].valueOf(), range?.[1].valueOf()] };
}

export function PeriodField({ label, period }: { label: string; period: Period }) {
  return (
    <Space>
      <Typography.Text>{label}</Typography.Text>
      <DatePicker.RangePicker
        value={period.range}
        format="DD/MM/YYYY"
        onChange={(value) => period.setRange(value && value[0] && value[1] ? [value[0], value[1]] : null)}
      />
    </Space>
  );
}
