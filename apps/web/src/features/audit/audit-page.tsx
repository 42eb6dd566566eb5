import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type AuditFilters, auditExportUrl, useAudit, useAuditActions } from '../../platform/api/console.ts';
import type { AuditEntry } from '../../platform/api/types.ts';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { AuditChange, useAuditColumns } from './audit-columns.tsx';

// `actorId` stays for links to one actor's entries; the form searches by name or email (`actor`).
const FILTERS = ['partnerId', 'actor', 'actorId', 'entityType', 'entityId', 'action', 'from', 'to'] as const;

type FormValues = Omit<AuditFilters, 'from' | 'to'> & { days?: [Dayjs | null, Dayjs | null] | null };
const DAY = 'YYYY-MM-DD';

/** The form's values as filters: the range picker's days as `from` / `to`. */
function filtersOf({ days, ...rest }: FormValues): AuditFilters {
  return { ...rest, from: days?.[0]?.format(DAY), to: days?.[1]?.format(DAY) };
}

/** Filters live in the URL so a filtered view can be shared and survives a reload. */
function useUrlFilters(): [AuditFilters, (f: AuditFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = {};
  for (const k of FILTERS) {
    const v = params.get(k)?.trim();
    if (v) filters[k] = v;
  }
  const set = (f: AuditFilters) => {
    const next = new URLSearchParams();
    for (const k of FILTERS) {
      const v = f[k]?.trim();
      if (v) next.set(k, v);
    }
    setParams(next);
  };
  return [filters, set];
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useUrlFilters();
  const [form] = Form.useForm<FormValues>();
  const actions = useAuditActions(i18n.language);
  const initial: FormValues = {
    ...filters,
    days:
      filters.from || filters.to
        ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
        : null,
  };
  const list = useAudit(filters, 20);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const auditColumns = useAuditColumns();

  return (
    <>
      <PageHeader
        title={t('console.audit.title')}
        subtitle={t('console.audit.subtitle')}
        extra={
          <>
            <Button onClick={() => list.refetch()}>{t('common.refresh')}</Button>
            <Button icon={<DownloadOutlined />} href={auditExportUrl(filters)} data-testid="audit-export">
              {t('console.audit.exportCsv')}
            </Button>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form
          key={JSON.stringify(filters)}
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(v) => setFilters(filtersOf(v))}
        >
          <Row gutter={16}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="days" label={t('console.audit.dateRange')}>
                <DatePicker.RangePicker
                  allowEmpty={[true, true]}
                  style={{ width: '100%' }}
                  data-testid="audit-filter-days"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="action" label={t('console.audit.action')}>
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  loading={actions.isLoading}
                  options={(actions.data?.items ?? []).map((a) => ({ value: a.code, label: a.label }))}
                  data-testid="audit-filter-action"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="actor" label={t('console.audit.actorSearch')}>
                <Input allowClear maxLength={100} data-testid="audit-filter-actor" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="partnerId" label={t('console.audit.partnerId')}>
                <Input allowClear data-testid="audit-filter-partner" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="entityType" label={t('console.audit.entityType')}>
                <Input allowClear data-testid="audit-filter-entity-type" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="entityId" label={t('console.audit.entityId')}>
                <Input allowClear data-testid="audit-filter-entity-id" />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => setFilters({})} data-testid="audit-filter-reset">
              {t('common.reset')}
            </Button>
            <Button type="primary" htmlType="submit" data-testid="audit-filter-submit">
              {t('common.search')}
            </Button>
          </Flex>
        </Form>
      </Card>
      <Card>
        <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
          <div data-testid="audit-table">
            <Table<AuditEntry>
              rowKey="id"
              size="middle"
              loading={list.isLoading}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 1100 }}
              locale={{ emptyText: t('console.audit.empty') }}
              onRow={(r) =>
                ({ 'data-testid': 'audit-row', 'data-action': r.action }) as React.HTMLAttributes<HTMLElement>
              }
              expandable={{ expandedRowRender: (r) => <AuditChange entry={r} /> }}
              columns={[
                ...auditColumns,
                {
                  title: t('console.audit.partner'),
                  dataIndex: 'partnerId',
                  render: (v: string | null, r) =>
                    v ? (
                      <Typography.Link onClick={() => setFilters({ ...filters, partnerId: v })}>
                        {r.partnerName ?? v}
                      </Typography.Link>
                    ) : (
                      t('common.none')
                    ),
                },
                {
                  title: t('console.audit.requestId'),
                  dataIndex: 'requestId',
                  render: (v: string | null) =>
                    v ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable>
                        {v}
                      </Typography.Text>
                    ) : (
                      t('common.none')
                    ),
                },
              ]}
            />
          </div>
          {list.hasNextPage ? (
            <Flex justify="center" style={{ marginTop: 16 }}>
              <Button
                onClick={() => list.fetchNextPage()}
                loading={list.isFetchingNextPage}
                data-testid="audit-load-more"
              >
                {t('common.loadMore')}
              </Button>
            </Flex>
          ) : null}
        </QueryState>
      </Card>
    </>
  );
}
