import { Card, Col, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import { type DirectoryQuery, type DirectoryRow, useDirectory } from './partners-api.ts';
import { StandingAction, StatusTagOf } from './standing-action.tsx';

const PROGRAMS = [
  'solution_provider',
  'distributor',
  'cloud_reseller',
  'service_partner',
  'authorized_sales_support_center',
] as const;
const KINDS = [
  'solution_provider',
  'distributor',
  'cloud_reseller',
  'service_partner',
  'unassigned',
] as const;
const TIERS = ['tier1', 'tier2', 'direct'] as const;
const STATUSES = ['active', 'suspended'] as const;

/** The query lives in the URL: a filtered directory can be shared and survives a reload. */
function useUrlQuery(): [DirectoryQuery, (patch: Partial<DirectoryQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const get = <T extends string>(k: string, allowed: readonly T[]) => {
    const v = params.get(k);
    return v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
  };
  const query: DirectoryQuery = {
    q: params.get('q') || undefined,
    program: get('program', PROGRAMS),
    tier: get('tier', TIERS),
    kind: get('kind', KINDS),
    status: get('status', STATUSES),
    sort: get('sort', ['name', 'createdAt', 'status'] as const) ?? 'createdAt',
    order: get('order', ['asc', 'desc'] as const) ?? 'desc',
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: [10, 20, 50, 100].includes(Number(params.get('pageSize')))
      ? Number(params.get('pageSize'))
      : 20,
  };
  const set = (patch: Partial<DirectoryQuery>) => {
    const next = { ...query, page: 1, ...patch };
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '') p.set(k, String(v));
    setParams(p, { replace: true });
  };
  return [query, set];
}

export function PartnerDirectoryPage() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useUrlQuery();
  const list = useDirectory(query);
  const program = (c: string) => t(`memberships.program.${c as (typeof PROGRAMS)[number]}`);
  const select = <T extends string>(
    key: 'program' | 'tier' | 'kind' | 'status',
    values: readonly T[],
    label: (v: T) => string,
  ) => (
    <Select<T>
      allowClear
      style={{ width: '100%' }}
      aria-label={t(`partners.directory.${key}`)}
      placeholder={t(`partners.directory.${key}`)}
      value={query[key] as T | undefined}
      onChange={(v) => setQuery({ [key]: v ?? undefined })}
      options={values.map((v) => ({ value: v, label: label(v) }))}
      data-testid={`directory-filter-${key}`}
    />
  );
  const sortOrder = (key: string) =>
    query.sort === key ? (query.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  return (
    <>
      <PageHeader title={t('partners.directory.title')} subtitle={t('partners.directory.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={8}>
            <Input.Search
              allowClear
              defaultValue={query.q}
              key={query.q ?? ''}
              aria-label={t('partners.directory.search')}
              placeholder={t('partners.directory.search')}
              onSearch={(v) => setQuery({ q: v.trim() || undefined })}
              data-testid="directory-search"
            />
          </Col>
          <Col xs={12} lg={4}>
            {select('program', PROGRAMS, program)}
          </Col>
          <Col xs={12} lg={4}>
            {select('tier', TIERS, (v) => t(`partners.directory.tiers.${v}`))}
          </Col>
          <Col xs={12} lg={4}>
            {select('kind', KINDS, (v) =>
              v === 'unassigned' ? t('partners.directory.kinds.unassigned') : program(v),
            )}
          </Col>
          <Col xs={12} lg={4}>
            {select('status', STATUSES, (v) => t(`partners.status.${v}`))}
          </Col>
        </Row>
      </Card>
      <Card>
        <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
          <div data-testid="directory-table">
            <Table<DirectoryRow>
              rowKey="id"
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              scroll={{ x: 1000 }}
              locale={{ emptyText: t('partners.directory.empty') }}
              onRow={(r) =>
                ({
                  'data-testid': 'directory-row',
                  'data-partner-id': r.id,
                }) as React.HTMLAttributes<HTMLElement>
              }
              pagination={{
                current: query.page,
                pageSize: query.pageSize,
                total: list.data?.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [10, 20, 50, 100],
                showTotal: (count) => t('partners.directory.total', { count }),
              }}
              onChange={(pagination, _filters, sorter) => {
                const s = (Array.isArray(sorter) ? sorter[0] : sorter) as
                  | SorterResult<DirectoryRow>
                  | undefined;
                const sort = s?.order ? (s.columnKey as DirectoryQuery['sort']) : 'createdAt';
                const order = s?.order === 'ascend' ? 'asc' : 'desc';
                const changedSort = sort !== query.sort || order !== query.order;
                setQuery({
                  sort,
                  order,
                  page: changedSort ? 1 : pagination.current,
                  pageSize: pagination.pageSize,
                });
              }}
              columns={[
                {
                  title: t('partners.directory.name'),
                  key: 'name',
                  sorter: true,
                  sortOrder: sortOrder('name'),
                  render: (_, r) => (
                    <Space direction="vertical" size={0}>
                      <Link to={`/console/partners/${r.id}`} data-testid="directory-partner-link">
                        <Typography.Text strong>{r.name}</Typography.Text>
                      </Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.id} · {r.domainId}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t('partners.directory.programs'),
                  key: 'programs',
                  render: (_, r) =>
                    r.programs.length
                      ? r.programs.map((p) => <Tag key={p}>{program(p)}</Tag>)
                      : t('common.none'),
                },
                {
                  title: t('partners.directory.tier'),
                  key: 'tier',
                  render: (_, r) => <span style={nowrap}>{t(`partners.directory.tiers.${r.tier}`)}</span>,
                },
                {
                  title: t('partners.directory.status'),
                  key: 'status',
                  sorter: true,
                  sortOrder: sortOrder('status'),
                  render: (_, r) => <StatusTagOf status={r.status} />,
                },
                {
                  title: t('partners.directory.registered'),
                  key: 'createdAt',
                  sorter: true,
                  sortOrder: sortOrder('createdAt'),
                  render: (_, r) => <span style={nowrap}>{formatDateTime(r.createdAt, i18n.language)}</span>,
                },
                {
                  title: '',
                  key: 'actions',
                  render: (_, r) => <StandingAction partner={r} size="small" />,
                },
              ]}
            />
          </div>
        </QueryState>
      </Card>
    </>
  );
}
