/**
 * The dossier list: one search box (name, ID, phone or code; core folds diacritics and đ), the
 * filters, and a virtualised table that fetches the next page (nextCursor) as it scrolls, so a
 * commune with years of dossiers stays instant. A scanned receipt QR (the bare code or a
 * …/tra-cuu/<code> link) followed by Enter opens that dossier directly.
 */
import { SearchOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Input, Select, Space, Table, Tooltip, Typography, type InputRef, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { PROCEDURE_FIELDS } from '@shared/domain/catalog';
import { STATUS_LABELS } from '@shared/domain/lifecycle';
import { formatDateTimeVi, formatDateVi } from '@shared/domain/text';
import { DOSSIER_STATUSES, type DossierStatus } from '@shared/dossier';
import type { RpcInput } from '@shared/rpc';
import type { DossierSummary } from '@shared/rpc/dossiers';
import { vi } from '../../i18n/vi';
import { call, RpcError } from '../../rpc/client';
import { useNavigation } from '../../stores/navigation';
import { DATE_FORMAT, toYmd } from '../../ui/dates';
import { errorText } from '../../ui/errors';
import { StatusTag } from '../../ui/StatusTag';
import { ProcedurePicker } from '../intake/ProcedurePicker';
import { searchSettler } from './search-debounce';
import { inputClear, selectClear } from '../../../src-ui/clear-buttons';

const t = vi.dossiers;
const PAGE = 50;

type SearchInput = RpcInput<'dossiers.search'>;

/** The dossier code inside a scanned receipt QR, or null when the text is not one. */
export function codeFromScan(text: string): string | null {
  const s = text.trim();
  const link = /\/tra-cuu\/([^/?#\s]+)\s*$/.exec(s);
  if (link) return decodeURIComponent(link[1]!);
  return /^[A-Za-z0-9.]+-\d{6,8}-\d{3,9}$/.test(s) ? s : null;
}

interface Filters {
  status?: DossierStatus[];
  overdue: boolean;
  dueSoon: boolean;
  field?: string;
  procedureCode?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}
const NO_FILTERS: Filters = { overdue: false, dueSoon: false };

interface Props {
  /** Filters this list always applies (e.g. the Trả kết quả screen: status result_ready). */
  fixed?: Partial<SearchInput>;
  showFilters?: boolean;
  /** Extra trailing column (e.g. a quick action). */
  extraColumn?: (row: DossierSummary) => ReactNode;
  /** Vertical space the screen uses above and below the table. */
  reservedHeight: number;
  viewportHeight: number;
  searchRef?: React.Ref<InputRef>;
  testId: string;
}

/**
 * Spinner only for an answer slower than this: a quick answer replaces the rows without a flash
 * of the loading veil (two extra paints of the whole table per keystroke).
 */
const SPIN_DELAY_MS = 200;

/**
 * The search box keeps what is typed to itself and hands the list only the settled text, so a
 * keystroke repaints the box alone, not the filters and the table (when it searches, and the
 * officer's key-to-results budget: search-debounce.ts).
 */
const SearchBox = memo(function SearchBox({
  searchRef,
  onSettled,
  onEnter,
}: {
  searchRef?: React.Ref<InputRef>;
  onSettled(text: string): void;
  onEnter(text: string): void;
}) {
  const [query, setQuery] = useState('');
  const settler = useMemo(() => searchSettler(onSettled), [onSettled]);
  useEffect(() => () => settler.cancel(), [settler]);
  return (
    <Input
      ref={searchRef}
      size="large"
      allowClear={inputClear(vi.common.clearText)}
      prefix={<SearchOutlined aria-hidden />}
      placeholder={t.search}
      aria-label={t.search}
      value={query}
      onChange={(e) => {
        setQuery(e.target.value);
        settler.typed(e.target.value);
      }}
      onPressEnter={() => onEnter(query)}
      data-testid="dossier-search"
      autoComplete="off"
      spellCheck={false}
    />
  );
});

export function DossierList({ fixed, showFilters = true, extraColumn, reservedHeight, viewportHeight, searchRef, testId }: Props) {
  const { message } = App.useApp();
  const openDossier = useNavigation((s) => s.openDossier);
  const dataVersion = useNavigation((s) => s.dataVersion);
  const [debounced, setDebounced] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [rows, setRows] = useState<DossierSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const ticket = useRef(0);
  const loadingMore = useRef(false);

  const input = useMemo<SearchInput>(() => {
    const scanned = codeFromScan(debounced);
    return {
      query: scanned ?? (debounced.trim() || undefined),
      status: filters.status?.length ? filters.status : undefined,
      overdue: filters.overdue || undefined,
      dueWithinDays: filters.dueSoon ? 2 : undefined,
      field: filters.field,
      procedureCode: filters.procedureCode,
      from: toYmd(filters.range?.[0]),
      to: toYmd(filters.range?.[1]),
      ...fixed,
      limit: PAGE,
    };
  }, [debounced, filters, fixed]);

  useEffect(() => {
    const mine = ++ticket.current;
    const spin = setTimeout(() => mine === ticket.current && setLoading(true), SPIN_DELAY_MS);
    call('dossiers.search', input)
      .then((r) => {
        if (mine !== ticket.current) return;
        setRows(r.items);
        setCursor(r.nextCursor);
      })
      .catch((err) => mine === ticket.current && message.error(errorText(err)))
      .finally(() => {
        clearTimeout(spin);
        if (mine === ticket.current) setLoading(false);
      });
  }, [input, dataVersion, message]);

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore.current) return;
    loadingMore.current = true;
    const mine = ticket.current;
    call('dossiers.search', { ...input, cursor })
      .then((r) => {
        if (mine !== ticket.current) return;
        setRows((prev) => [...prev, ...r.items]);
        setCursor(r.nextCursor);
      })
      .catch((err) => message.error(errorText(err)))
      .finally(() => {
        loadingMore.current = false;
      });
  }, [cursor, input, message]);

  const openScanned = useCallback(
    async (text: string) => {
      const code = codeFromScan(text);
      if (!code) return;
      try {
        const d = await call('dossiers.get', { code });
        openDossier({ id: d.id });
      } catch (err) {
        message.warning(err instanceof RpcError && err.code === 'NOT_FOUND' ? `${t.notFound} ${code}` : errorText(err));
      }
    },
    [openDossier, message],
  );
  const onEnter = useCallback((text: string) => void openScanned(text), [openScanned]);

  const columns = useMemo(() => dossierColumns(extraColumn), [extraColumn]);
  const tableHeight = Math.max(240, viewportHeight - reservedHeight - (showFilters ? 100 : 48));

  return (
    <div data-testid={testId}>
      <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 8 }}>
        <div style={{ display: 'flex', gap: 8 }}>
          <SearchBox searchRef={searchRef} onSettled={setDebounced} onEnter={onEnter} />
          {showFilters && <StatusFilter filters={filters} setFilters={setFilters} />}
        </div>
        {showFilters && <MoreFilters filters={filters} setFilters={setFilters} />}
      </Space>
      <DossierTable rows={rows} columns={columns} loading={loading} height={tableHeight} onLoadMore={loadMore} onOpen={openDossier} />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }} data-testid="dossier-count">
        {rows.length} {t.count}
        {cursor ? ` · ${t.more}` : ''}
      </Typography.Text>
    </div>
  );
}

function dossierColumns(extraColumn: Props['extraColumn']): TableColumnsType<DossierSummary> {
  return [
    {
      title: t.code,
      dataIndex: 'code',
      width: 210,
      render: (code: string) => <span className="mono">{code}</span>,
    },
    {
      title: t.applicant,
      dataIndex: 'applicantName',
      width: 210,
      render: (_: unknown, r) => (
        <div>
          <div data-testid="row-name">{r.applicantName}</div>
          {'foundInPapers' in r && r.foundInPapers === true && (
            <div className="muted" data-testid="row-found-in-papers">
              {vi.scansOcr.foundInPapers}
            </div>
          )}
          {(r.applicantIdNumber || r.applicantPhone) && <div className="muted">{[r.applicantIdNumber, r.applicantPhone].filter(Boolean).join(' · ')}</div>}
        </div>
      ),
    },
    { title: t.procedure, dataIndex: 'procedureName', ellipsis: true, width: 250 },
    { title: t.receivedAt, dataIndex: 'receivedAt', width: 140, render: (v: string) => <span className="dyn">{formatDateTimeVi(v)}</span> },
    {
      title: t.dueAt,
      dataIndex: 'dueAt',
      width: 100,
      render: (v: string, r) => (
        <span className={r.overdue ? 'overdue dyn' : 'dyn'} data-testid="list-due">
          {formatDateVi(v)}
          {r.dueProvisional && (
            <Tooltip title={t.provisionalHint}>
              <span className="muted"> {vi.status.provisional}</span>
            </Tooltip>
          )}
        </span>
      ),
    },
    // A list with its own quick action (Trả kết quả) shows one status only: the action takes its place.
    extraColumn
      ? { key: 'extra', width: 180, render: (_: unknown, r: DossierSummary) => extraColumn(r) }
      : { title: t.status, dataIndex: 'status', width: 180, ellipsis: true, render: (s: DossierStatus, r) => <StatusTag status={s} overdue={r.overdue} /> },
  ];
}

interface FilterProps {
  filters: Filters;
  setFilters: Dispatch<SetStateAction<Filters>>;
}

const StatusFilter = memo(function StatusFilter({ filters, setFilters }: FilterProps) {
  return (
    <Select
      mode="multiple"
      allowClear={selectClear(vi.common.clearSelection)}
      size="large"
      placeholder={t.allStatuses}
      aria-label={t.status}
      style={{ width: 300, flex: 'none' }}
      maxTagCount="responsive"
      value={filters.status}
      onChange={(status) => setFilters((f) => ({ ...f, status }))}
      options={DOSSIER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
    />
  );
});

const MoreFilters = memo(function MoreFilters({ filters, setFilters }: FilterProps) {
  return (
    <Space wrap size={8}>
      <Select
        allowClear={selectClear(vi.common.clearSelection)}
        placeholder={t.field}
        aria-label={t.field}
        style={{ width: 180 }}
        value={filters.field}
        onChange={(field) => setFilters((f) => ({ ...f, field }))}
        options={Object.entries(PROCEDURE_FIELDS).map(([value, label]) => ({ value, label }))}
      />
      <div style={{ width: 260 }}>
        <ProcedurePicker value={filters.procedureCode} onChange={(procedureCode) => setFilters((f) => ({ ...f, procedureCode }))} />
      </div>
      <DatePicker.RangePicker
        format={DATE_FORMAT}
        aria-label={t.period}
        value={filters.range ?? null}
        onChange={(range) => setFilters((f) => ({ ...f, range }))}
        style={{ width: 250 }}
      />
      <Checkbox checked={filters.overdue} onChange={(e) => setFilters((f) => ({ ...f, overdue: e.target.checked }))}>
        {t.overdue}
      </Checkbox>
      <Checkbox checked={filters.dueSoon} onChange={(e) => setFilters((f) => ({ ...f, dueSoon: e.target.checked }))}>
        {t.dueSoon}
      </Checkbox>
      <Button onClick={() => setFilters(NO_FILTERS)}>{t.clear}</Button>
    </Space>
  );
});

interface TableProps {
  rows: DossierSummary[];
  columns: TableColumnsType<DossierSummary>;
  loading: boolean;
  height: number;
  onLoadMore(): void;
  onOpen(ref: { id: string }): void;
}

/** Repaints only when its rows, columns or size change, not while the officer types or filters. */
const DossierTable = memo(function DossierTable({ rows, columns, loading, height, onLoadMore, onOpen }: TableProps) {
  return (
    <Table<DossierSummary>
      virtual
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 1090, y: height }}
      locale={{ emptyText: t.empty }}
      onScroll={(e) => {
        const el = e.currentTarget;
        if (el.scrollHeight - el.scrollTop - el.clientHeight < 240) onLoadMore();
      }}
      onRow={(r) => ({
        onClick: () => onOpen({ id: r.id }),
        onKeyDown: (e) => {
          // Enter on a button inside the row (Trả kết quả) is that button's, not the row's.
          if (e.key === 'Enter' && e.target === e.currentTarget) onOpen({ id: r.id });
        },
        tabIndex: 0,
        className: 'clickable-row',
        'data-testid': 'dossier-row',
      })}
    />
  );
});
