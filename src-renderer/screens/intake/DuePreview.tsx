/**
 * The appointment date, live: core computes it from the confirmed working calendar (holidays,
 * the 15:00 rule, sessions) for "now", refreshed every minute while the form is open, so what
 * the citizen is told matches what Mẫu 01 will print.
 */
import { Alert, Collapse, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { RpcOutput } from '@shared/rpc';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';
import { now } from '../../ui/clock';

type Due = RpcOutput<'calendar.computeDue'>;

export function DuePreview({ procedureCode }: { procedureCode: string | undefined }) {
  const [due, setDue] = useState<Due | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setDue(null);
    setError(null);
    if (!procedureCode) return;
    let cancelled = false;
    const compute = () =>
      call('calendar.computeDue', { procedureCode, receivedAt: now().toISOString() })
        .then((d) => !cancelled && (setDue(d), setError(null)))
        .catch((err) => !cancelled && setError(errorText(err)));
    void compute();
    const timer = setInterval(() => void compute(), 60_000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [procedureCode]);

  if (!procedureCode) return <Typography.Text type="secondary">{vi.intake.dueNone}</Typography.Text>;
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!due) return <Typography.Text type="secondary">{vi.common.loading}</Typography.Text>;
  return (
    <div data-testid="due-preview">
      <Typography.Text strong style={{ fontSize: 16 }} data-testid="due-text">
        {due.dueText}
      </Typography.Text>
      {due.provisional && (
        <Typography.Text type="warning" style={{ marginLeft: 6 }}>
          {vi.status.provisional}
        </Typography.Text>
      )}
      {due.yearsWithoutCalendar.length > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} data-testid="calendar-missing" title={vi.intake.calendarMissing(due.yearsWithoutCalendar.join(', '))} />
      )}
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'why',
            label: vi.intake.dueExplain,
            children: (
              <ul className="explain">
                {due.explanation.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </div>
  );
}
