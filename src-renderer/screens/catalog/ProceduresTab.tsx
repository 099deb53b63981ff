/** The procedures of the catalog in force, searchable by code or name without diacritics. */
import { Input, Table, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { Conventions } from '@shared/domain/catalog';
import { WORKING_DAY_COUNTING_LABELS } from '@shared/domain/deadline';
import type { ProcedureSummary } from '@shared/rpc/catalog';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { errorText } from '../../ui/errors';
import { useViewportHeight } from '../../ui/useViewportHeight';
import { procedureKey } from '../intake/ProcedurePicker';
import { ProcedureDrawer } from './ProcedureDrawer';
import { inputClear } from '../../../src-ui/clear-buttons';

const t = vi.catalog;

export function ProceduresTab({ version }: { version: number }) {
  const height = useViewportHeight();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<ProcedureSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [conventions, setConventions] = useState<Conventions | null>(null);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      setLoading(true);
      call('catalog.search', { query, limit: 200 })
        .then((r) => !cancelled && (setItems(r.items), setConventions(r.conventions), setError(null)))
        .catch((err) => !cancelled && setError(errorText(err)))
        .finally(() => !cancelled && setLoading(false));
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, version]);

  return (
    <div data-testid="catalog-procedures">
      <Input.Search
        allowClear={inputClear(vi.common.clearText)}
        searchIcon={<SearchOutlined aria-label={vi.common.searchButton} />}
        placeholder={t.search}
        aria-label={t.search}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 8 }}
        status={error ? 'error' : undefined}
      />
      {conventions && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="catalog-counting">
          {t.counting}: {WORKING_DAY_COUNTING_LABELS[conventions.workingDayCounting.counting]} — {conventions.workingDayCounting.legalBasis}.
        </Typography.Paragraph>
      )}
      <Table<ProcedureSummary>
        virtual
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 1000, y: Math.max(240, height - 64 - 48 - 44 - 56 - 44 - 40) }}
        onRow={(r) => ({
          onClick: () => setOpen(procedureKey(r)),
          onKeyDown: (e) => e.key === 'Enter' && setOpen(procedureKey(r)),
          tabIndex: 0,
          className: 'clickable-row',
        })}
        columns={[
          { title: t.code, dataIndex: 'code', width: 110, render: (c: string | null) => c ?? '—' },
          { title: t.name, dataIndex: 'name', ellipsis: true },
          { title: t.field, dataIndex: 'fieldLabel', width: 220, ellipsis: true },
          { title: t.deadline, dataIndex: 'deadlineText', width: 170, ellipsis: true },
          { title: t.interAgency, dataIndex: 'interAgency', width: 100, render: (v: boolean) => (v ? <Tag color="purple">{t.interAgency}</Tag> : null) },
        ]}
      />
      <ProcedureDrawer procedureKey={open} onClose={() => setOpen(null)} />
    </div>
  );
}
