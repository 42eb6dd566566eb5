import { Button, Card, Col, Flex, Form, InputNumber, Row, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import type { PartnerTabProps } from '../../platform/feature.ts';
import {
  useAssignManager,
  useEcosystemManagers,
  usePartnerMemberships,
  useSetPerformance,
} from './console-memberships-api.ts';
import { formatDate, formatYuan, StatusTag, useKindName, useProgramName } from './membership-format.tsx';
import { PerformanceImport } from './performance-import.tsx';

/** The partner detail's Programs tab: memberships, applications, performance, hierarchy, manager. */
export function PartnerMembershipsTab({ partnerId }: PartnerTabProps) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const q = usePartnerMemberships(partnerId);
  const managers = useEcosystemManagers();
  const assign = useAssignManager();
  const setPerf = useSetPerformance();
  const program = useProgramName();
  const kind = useKindName();
  const [perfForm] = Form.useForm<{ year: number; amount: number }>();
  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const d = q.data;
  return (
    <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
      {d ? (
        <Row gutter={[16, 16]} data-testid="partner-memberships">
          <Col xs={24} xl={16}>
            <Flex vertical gap={16}>
              <Card title={t('memberships.detail.programs')} size="small">
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={d.memberships}
                  locale={{ emptyText: t('memberships.portal.noPrograms') }}
                  columns={[
                    {
                      title: t('memberships.console.program'),
                      dataIndex: 'program',
                      render: (v: string) => program(v),
                    },
                    {
                      title: t('memberships.console.status'),
                      dataIndex: 'status',
                      render: (v: string) => <StatusTag status={v} />,
                    },
                    {
                      title: t('memberships.portal.since'),
                      dataIndex: 'startedAt',
                      render: (v: string) => formatDate(v, i18n.language),
                    },
                    {
                      title: t('memberships.portal.endedAt'),
                      dataIndex: 'endedAt',
                      render: (v: string | null) => (v ? formatDate(v, i18n.language) : '—'),
                    },
                  ]}
                />
              </Card>
              <Card title={t('memberships.detail.applications')} size="small">
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={d.applications}
                  scroll={{ x: 700 }}
                  locale={{ emptyText: t('memberships.portal.noApplications') }}
                  columns={[
                    {
                      title: t('memberships.console.program'),
                      dataIndex: 'program',
                      render: (v: string) => program(v),
                    },
                    {
                      title: t('memberships.console.kind'),
                      dataIndex: 'kind',
                      render: (v: string) => kind(v),
                    },
                    {
                      title: t('memberships.console.status'),
                      dataIndex: 'status',
                      render: (v: string) => <StatusTag status={v} />,
                    },
                    {
                      title: t('memberships.console.submittedAt'),
                      dataIndex: 'createdAt',
                      render: (v: string) => formatDate(v, i18n.language),
                    },
                    {
                      title: t('memberships.console.reviewer'),
                      key: 'r',
                      render: (_, r) =>
                        r.reviewerName
                          ? `${r.reviewerName}${r.reviewReason ? `: ${r.reviewReason}` : ''}`
                          : '—',
                    },
                  ]}
                />
              </Card>
              {d.isDistributor ? (
                <Card title={t('memberships.resellers.title')} size="small">
                  <Table
                    rowKey="linkId"
                    size="small"
                    pagination={false}
                    dataSource={d.resellers}
                    locale={{ emptyText: t('memberships.resellers.none') }}
                    columns={[
                      { title: t('memberships.resellers.name'), dataIndex: 'resellerName' },
                      {
                        title: t('memberships.resellers.status'),
                        dataIndex: 'status',
                        render: (v: string) => <StatusTag status={v} />,
                      },
                      {
                        title: t('memberships.resellers.thisYear'),
                        dataIndex: 'thisYearFen',
                        align: 'right',
                        render: (v: number) => formatYuan(v, i18n.language),
                      },
                      {
                        title: t('memberships.resellers.lastYear'),
                        dataIndex: 'lastYearFen',
                        align: 'right',
                        render: (v: number) => formatYuan(v, i18n.language),
                      },
                    ]}
                  />
                </Card>
              ) : null}
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              <Card title={t('memberships.detail.manager')} size="small">
                <Typography.Paragraph data-testid="partner-manager">
                  {d.manager
                    ? `${d.manager.name} · ${d.manager.email}${d.manager.phone ? ` · ${d.manager.phone}` : ''}`
                    : '—'}
                </Typography.Paragraph>
                <Select
                  style={{ width: '100%' }}
                  placeholder={t('memberships.detail.chooseManager')}
                  aria-label={t('memberships.detail.chooseManager')}
                  value={d.manager?.id}
                  loading={managers.isLoading || assign.isPending}
                  data-testid="partner-manager-select"
                  options={(managers.data?.items ?? []).map((m) => ({
                    value: m.id,
                    label: `${m.name} (${m.email})`,
                  }))}
                  onChange={(managerId: string) =>
                    run(() => assign.mutateAsync({ partnerId, managerId }), t('memberships.detail.assigned'))
                  }
                />
              </Card>
              <Card title={t('memberships.detail.distributorOf')} size="small">
                {d.distributor
                  ? `${d.distributor.name} (${formatDate(d.distributor.since, i18n.language)})`
                  : '—'}
              </Card>
              <Card
                title={t('memberships.portal.performance')}
                size="small"
                data-testid="partner-performance"
              >
                <Table
                  rowKey="year"
                  size="small"
                  pagination={false}
                  dataSource={d.performance}
                  locale={{ emptyText: t('memberships.portal.noPerformance') }}
                  columns={[
                    { title: t('memberships.portal.year'), dataIndex: 'year' },
                    {
                      title: t('memberships.portal.amount'),
                      dataIndex: 'amountFen',
                      align: 'right',
                      render: (v: number) => formatYuan(v, i18n.language),
                    },
                  ]}
                />
                <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0' }}>
                  {t('memberships.portal.threshold')}: {formatYuan(d.thresholdFen, i18n.language)}
                </Typography.Text>
                <Form
                  form={perfForm}
                  layout="inline"
                  initialValues={{ year: d.currentYear }}
                  style={{ rowGap: 8 }}
                  onFinish={(v) =>
                    run(
                      () =>
                        setPerf.mutateAsync({
                          partnerId,
                          year: v.year,
                          amountFen: Math.round(v.amount * 100),
                        }),
                      t('memberships.detail.saved'),
                    )
                  }
                >
                  <Form.Item name="year" rules={[{ required: true }]}>
                    <InputNumber
                      aria-label={t('memberships.portal.year')}
                      min={2000}
                      max={d.currentYear}
                      precision={0}
                      style={{ width: 90 }}
                      data-testid="partner-performance-year"
                    />
                  </Form.Item>
                  <Form.Item
                    name="amount"
                    rules={[{ required: true, message: t('memberships.detail.amountYuan') }]}
                  >
                    <InputNumber
                      min={0}
                      precision={2}
                      placeholder={t('memberships.detail.amountYuan')}
                      style={{ width: 160 }}
                      data-testid="partner-performance-amount"
                    />
                  </Form.Item>
                  <Button
                    htmlType="submit"
                    loading={setPerf.isPending}
                    data-testid="partner-performance-save"
                  >
                    {t('memberships.detail.setPerformance')}
                  </Button>
                </Form>
                <PerformanceImport />
              </Card>
            </Flex>
          </Col>
        </Row>
      ) : null}
    </QueryState>
  );
}
