/** Hồ sơ toàn tỉnh: search every commune's dossiers and record a province status change. */
import { Button, Card, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { DOSSIER_STATUSES, type DossierStatus } from '@shared/dossier';
import type { DossierSearchRow } from '@shared/hub-admin/api';
import { vi } from '../i18n/vi';
import { callAdmin } from '../stores/session';
import { when } from '../ui/format';
import { useLoad } from '../ui/useLoad';
import { PapersModal } from './dossiers/PapersModal';
import { StatusChangeModal } from './dossiers/StatusChangeModal';
import { inputClear, selectClear } from '../../../src-ui/clear-buttons';

const PAGE_SIZE = 20;

export function DossierSearch() {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<DossierStatus>();
  const [commune, setCommune] = useState<string>();
  const [page, setPage] = useState(1);
  const [changing, setChanging] = useState<DossierSearchRow>();
  const [papersOf, setPapersOf] = useState<DossierSearchRow>();

  const communes = useLoad(() => callAdmin('stats.communes'), []);
  const results = useLoad(
    () =>
      callAdmin('dossiers.search', {
        input: { q, status, commune, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
      }),
    [q, status, commune, page],
  );

  const search = (value: string) => {
    setPage(1);
    setQ(value.trim());
  };

  return (
    <Card title={vi.dossiers.title}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          style={{ width: 520 }}
          placeholder={vi.dossiers.searchPlaceholder}
          enterButton={vi.dossiers.search}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={search}
          allowClear={inputClear(vi.common.clearText)}
          maxLength={200}
        />
        <Select<DossierStatus>
          style={{ width: 260 }}
          placeholder={vi.dossiers.status}
          aria-label={vi.dossiers.status}
          allowClear={selectClear(vi.common.clearSelection)}
          value={status}
          onChange={(value) => {
            setPage(1);
            setStatus(value);
          }}
          options={DOSSIER_STATUSES.map((s) => ({ value: s, label: vi.statusLabels[s] }))}
        />
        <Select<string>
          style={{ width: 260 }}
          placeholder={vi.dossiers.commune}
          aria-label={vi.dossiers.commune}
          allowClear={selectClear(vi.common.clearSelection)}
          showSearch={{ optionFilterProp: 'label' }}
          value={commune}
          onChange={(value) => {
            setPage(1);
            setCommune(value);
          }}
          options={(communes.data?.communes ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
        />
      </Space>
      <Table<DossierSearchRow>
        rowKey="id"
        size="middle"
        loading={results.loading}
        dataSource={results.data?.rows ?? []}
        locale={{ emptyText: results.error ?? vi.dossiers.empty }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: results.data?.total ?? 0,
          onChange: setPage,
          showTotal: vi.common.total,
          showSizeChanger: false,
        }}
        columns={[
          { title: vi.dossiers.code, dataIndex: 'code' },
          { title: vi.dossiers.applicant, dataIndex: 'applicantName' },
          { title: vi.dossiers.procedure, dataIndex: 'procedureName', ellipsis: true },
          { title: vi.dossiers.commune, dataIndex: 'communeName' },
          {
            title: vi.dossiers.status,
            render: (_, d) => (
              <Space size={4} wrap>
                <Tag>{vi.statusLabels[d.status]}</Tag>
                {d.provinceStatusAt && (
                  <Tooltip title={when(d.provinceStatusAt)}>
                    <Tag color="blue">{vi.dossiers.provinceSet}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { title: vi.dossiers.receivedAt, render: (_, d) => when(d.receivedAt) },
          { title: vi.dossiers.dueAt, render: (_, d) => when(d.dueAt) },
          {
            title: vi.dossiers.actions,
            render: (_, d) => (
              <Space size={4}>
                <Button size="small" onClick={() => setChanging(d)}>
                  {vi.dossiers.changeStatus}
                </Button>
                <Button size="small" onClick={() => setPapersOf(d)}>
                  {vi.papers.open}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <PapersModal dossier={papersOf} onClose={() => setPapersOf(undefined)} />
      <StatusChangeModal
        dossier={changing}
        onClose={() => setChanging(undefined)}
        onChanged={() => {
          setChanging(undefined);
          results.reload();
        }}
      />
    </Card>
  );
}
