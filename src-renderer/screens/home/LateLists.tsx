/** What is late and what is due soon, side by side; a row opens the dossier's detail. */
import { Card, Col, Row, Table, Tag } from 'antd';
import type { Dashboard } from '@shared/rpc/reports';
import { vi } from '../../i18n/vi';
import { useNavigation } from '../../stores/navigation';
import { formatDueVi } from '../../ui/dates';

const t = vi.home;
type Late = Dashboard['overdue'][number];
type Soon = Dashboard['dueSoon'][number];
const LIST_HEIGHT = 118;

/** Name and procedure share one cell: half the screen width must still show both. */
const BASE_COLUMNS = [
  { title: vi.dossiers.code, dataIndex: 'code', width: 205, render: (c: string) => <span className="mono nowrap">{c}</span> },
  {
    title: `${vi.dossiers.applicant} / ${vi.dossiers.procedure}`,
    dataIndex: 'applicantName',
    ellipsis: true,
    render: (n: string, r: Soon) => (
      <>
        <div className="ellipsis" data-testid="late-name">
          {n}
        </div>
        <div className="ellipsis muted" title={r.procedureName}>
          {r.procedureName}
        </div>
      </>
    ),
  },
  { title: vi.dossiers.dueAt, dataIndex: 'dueAt', width: 140, render: (d: string) => <span className="dyn nowrap">{formatDueVi(d)}</span> },
];

export function LateLists({ data }: { data: Dashboard }) {
  const openDossier = useNavigation((s) => s.openDossier);
  const onRow = (r: { id: string }) => ({ onClick: () => openDossier({ id: r.id }), className: 'clickable-row' });
  const overdueTitle =
    data.overdueCount > data.overdue.length ? `${t.overdue} — ${t.moreOverdue(data.overdue.length, data.overdueCount)}` : t.overdue;
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Card size="small" title={<span className="overdue">{overdueTitle}</span>} data-testid="overdue-list">
          <Table<Late>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.overdue}
            scroll={{ y: LIST_HEIGHT }}
            locale={{ emptyText: t.noOverdue }}
            onRow={onRow}
            columns={[
              ...BASE_COLUMNS.slice(0, 2),
              {
                title: vi.dossiers.dueAt,
                dataIndex: 'dueAt',
                width: 140,
                render: (d: string, r: Late) => (
                  <>
                    <div className="dyn nowrap">{formatDueVi(d)}</div>
                    <Tag color="red" data-testid="days-late">
                      {t.daysLate(r.daysLate)}
                    </Tag>
                    {r.extendedDueAt && <Tag title={`${t.promised}: ${formatDueVi(r.extendedDueAt)}`}>{vi.status.apologised}</Tag>}
                    {r.exception && <Tag color="orange">{vi.status.exception}</Tag>}
                  </>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col span={12}>
        <Card size="small" title={t.dueSoon} data-testid="due-soon-list">
          <Table<Soon>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.dueSoon}
            scroll={{ y: LIST_HEIGHT }}
            locale={{ emptyText: t.noDueSoon }}
            onRow={onRow}
            columns={BASE_COLUMNS}
          />
        </Card>
      </Col>
    </Row>
  );
}
