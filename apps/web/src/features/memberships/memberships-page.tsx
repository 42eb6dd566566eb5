import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Progress,
  Row,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/api/session.ts';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import {
  formatDate,
  formatYuan,
  StatusTag,
  useKindName,
  useProgramName,
  useRun,
} from './membership-format.tsx';
import {
  type Application,
  type Invitation,
  type MembershipOverview,
  type ProgramCode,
  type ProgramFits,
  useAnswerInvitation,
  useApply,
  useExitDistributor,
  useMembershipOverview,
  useProgramFits,
  useReceivedInvitations,
  useWithdraw,
} from './memberships-api.ts';
import { ResellersPanel } from './resellers-panel.tsx';

const APPLYABLE: ProgramCode[] = ['solution_provider', 'service_partner'];

function ManagerCard({ data }: { data: MembershipOverview }) {
  const { t } = useTranslation();
  const m = data.manager;
  return (
    <Card title={t('memberships.portal.manager')} data-testid="membership-manager">
      {m ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('memberships.detail.manager')}>{m.name}</Descriptions.Item>
          <Descriptions.Item label={t('memberships.portal.email')}>
            <a href={`mailto:${m.email}`}>{m.email}</a>
          </Descriptions.Item>
          {m.phone ? (
            <Descriptions.Item label={t('memberships.portal.phone')}>{m.phone}</Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('memberships.portal.managerNone')}</Typography.Text>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('memberships.portal.managerHint')}
      </Typography.Paragraph>
    </Card>
  );
}

function ProgramsCard({ data }: { data: MembershipOverview }) {
  const { t, i18n } = useTranslation();
  const name = useProgramName();
  return (
    <Card title={t('memberships.portal.myPrograms')}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.memberships}
        locale={{ emptyText: t('memberships.portal.noPrograms') }}
        onRow={(r) =>
          ({
            'data-testid': 'membership-row',
            'data-program': r.program,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('memberships.console.program'), dataIndex: 'program', render: (v: string) => name(v) },
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
  );
}

const FIT_COLORS: Record<string, string> = {
  member: 'green',
  apply: 'blue',
  invitation: 'gold',
  next_step: 'cyan',
  not_for_kind: 'default',
};

/** Issue 14: every program and how it fits the partner's kind; the others last, greyed, with the reason. */
function FitCard({ fits }: { fits: ProgramFits | undefined }) {
  const { t } = useTranslation();
  const name = useProgramName();
  if (!fits) return null;
  const kinds = fits.kinds.map((k) => (k === 'unassigned' ? t('memberships.fit.unassigned') : name(k)));
  return (
    <Card title={t('memberships.fit.title')} data-testid="program-fits">
      <Typography.Paragraph type="secondary" data-testid="program-fits-kind">
        {t('memberships.fit.yourKind', { kinds: kinds.join(' · ') })}
      </Typography.Paragraph>
      <Flex vertical gap={12}>
        {fits.items.map((p) => {
          const off = p.fit === 'not_for_kind';
          return (
            <div key={p.code} data-testid="program-fit-row" data-program={p.code} data-fit={p.fit}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong type={off ? 'secondary' : undefined}>
                  {p.name}
                </Typography.Text>
                <Tag color={FIT_COLORS[p.fit]}>{t(`memberships.fit.${p.fit}`)}</Tag>
              </Flex>
              {p.reason ? (
                <Typography.Text type="secondary" data-testid="program-fit-reason">
                  {p.reason}
                </Typography.Text>
              ) : null}
            </div>
          );
        })}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('memberships.fit.hint')}
      </Typography.Paragraph>
    </Card>
  );
}

function PathCard({ data, isAdmin }: { data: MembershipOverview; isAdmin: boolean }) {
  const { t, i18n } = useTranslation();
  const apply = useApply();
  const run = useRun();
  const rows = [...data.performance].sort((a, b) => b.year - a.year);
  const best = Math.max(0, ...rows.filter((r) => r.year >= data.currentYear - 1).map((r) => r.amountFen));
  const pct = Math.min(100, Math.floor((best / data.thresholdFen) * 100));
  return (
    <Card title={t('memberships.portal.path')} data-testid="membership-path">
      <Typography.Paragraph type="secondary">
        {t('memberships.portal.pathHint', { threshold: formatYuan(data.thresholdFen, i18n.language) })}
      </Typography.Paragraph>
      <Progress
        aria-label={t('memberships.portal.path')}
        percent={pct}
        status={pct >= 100 ? 'success' : 'active'}
        data-testid="membership-progress"
      />
      <Table
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('memberships.portal.noPerformance') }}
        onRow={(r) =>
          ({ 'data-testid': 'performance-row', 'data-year': r.year }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('memberships.portal.year'), dataIndex: 'year' },
          {
            title: t('memberships.portal.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (v: number) => formatYuan(v, i18n.language),
          },
          {
            title: t('memberships.portal.threshold'),
            key: 'reached',
            render: (_, r) =>
              r.amountFen >= data.thresholdFen
                ? t('memberships.portal.reached')
                : t('memberships.portal.notReached'),
          },
        ]}
      />
      {isAdmin ? (
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button
            type="primary"
            disabled={!data.eligibility.assc}
            loading={apply.isPending}
            data-testid="membership-apply-assc"
            onClick={() =>
              run(
                () => apply.mutateAsync({ program: 'authorized_sales_support_center' }),
                t('memberships.portal.applied'),
              )
            }
          >
            {t('memberships.portal.applyAssc')}
          </Button>
          <Button
            type="primary"
            disabled={!data.eligibility.upgrade}
            loading={apply.isPending}
            data-testid="membership-apply-upgrade"
            onClick={() =>
              run(() => apply.mutateAsync({ program: 'distributor' }), t('memberships.portal.applied'))
            }
          >
            {t('memberships.portal.applyUpgrade')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}

function ApplyCard({ data, fits }: { data: MembershipOverview; fits: ProgramFits | undefined }) {
  const { t } = useTranslation();
  const name = useProgramName();
  const apply = useApply();
  const run = useRun();
  const [form] = Form.useForm<{ program: ProgramCode; note?: string }>();
  const held = new Set(data.memberships.filter((m) => m.status === 'active').map((m) => m.program));
  // Programs that do not fit the partner's kind are not offered (the fit card says why).
  const fitOf = (p: ProgramCode) => fits?.items.find((i) => i.code === p)?.fit;
  return (
    <Card title={t('memberships.portal.apply')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          if (await run(() => apply.mutateAsync(v), t('memberships.portal.applied'))) form.resetFields();
        }}
      >
        <Form.Item
          name="program"
          label={t('memberships.portal.applyProgram')}
          rules={[{ required: true, message: t('memberships.portal.applyProgram') }]}
        >
          <Select
            data-testid="membership-apply-program"
            options={APPLYABLE.filter((p) => fitOf(p) !== 'not_for_kind').map((p) => ({
              value: p,
              label: name(p),
              disabled: held.has(p),
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('memberships.portal.applyNote')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="membership-apply-note" />
        </Form.Item>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type="secondary">{t('memberships.portal.resellerByInvitation')}</Typography.Text>
          <Button
            type="primary"
            htmlType="submit"
            loading={apply.isPending}
            data-testid="membership-apply-submit"
          >
            {t('memberships.portal.applySubmit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

function ApplicationsCard({ items, isAdmin }: { items: Application[]; isAdmin: boolean }) {
  const { t, i18n } = useTranslation();
  const name = useProgramName();
  const kind = useKindName();
  const withdraw = useWithdraw();
  const run = useRun();
  return (
    <Card title={t('memberships.portal.applications')}>
      <Table<Application>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        scroll={{ x: 700 }}
        locale={{ emptyText: t('memberships.portal.noApplications') }}
        onRow={(r) =>
          ({
            'data-testid': 'application-row',
            'data-program': r.program,
            'data-status': r.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('memberships.console.program'), dataIndex: 'program', render: (v: string) => name(v) },
          { title: t('memberships.console.kind'), dataIndex: 'kind', render: (v: string) => kind(v) },
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
            title: t('memberships.portal.reviewReason'),
            dataIndex: 'reviewReason',
            render: (v: string | null) => v ?? '—',
          },
          {
            key: 'actions',
            render: (_, r) =>
              isAdmin && r.status === 'submitted' ? (
                <Popconfirm
                  title={t('memberships.portal.withdrawConfirm')}
                  onConfirm={() => run(() => withdraw.mutateAsync(r.id), t('memberships.portal.withdrawn'))}
                >
                  <Button size="small" data-testid="application-withdraw">
                    {t('memberships.portal.withdraw')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

function ChannelCard({
  data,
  invitations,
  isAdmin,
}: {
  data: MembershipOverview;
  invitations: Invitation[];
  isAdmin: boolean;
}) {
  const { t, i18n } = useTranslation();
  const exit = useExitDistributor();
  const answer = useAnswerInvitation();
  const run = useRun();
  const d = data.distributor;
  const pending = invitations.filter((i) => i.status === 'pending');
  return (
    <Card title={t('memberships.portal.distributor')} data-testid="membership-distributor">
      {d ? (
        <Flex justify="space-between" align="center" gap={8} wrap>
          <div>
            <Typography.Text strong data-testid="membership-distributor-name">
              {d.name}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {t('memberships.portal.since')} {formatDate(d.since, i18n.language)}
            </Typography.Text>
          </div>
          {isAdmin ? (
            <Popconfirm
              title={t('memberships.portal.exitConfirm', { name: d.name })}
              onConfirm={() => run(() => exit.mutateAsync(), t('memberships.portal.exited'))}
            >
              <Button danger data-testid="membership-exit">
                {t('memberships.portal.exit')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('memberships.portal.noDistributor')}</Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('memberships.portal.invitations')}
      </Typography.Title>
      {pending.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberships.portal.noInvitations')} />
      ) : (
        pending.map((i) => (
          <Flex
            key={i.id}
            justify="space-between"
            align="center"
            gap={8}
            wrap
            data-testid="invitation-row"
            style={{ padding: '8px 0' }}
          >
            <div>
              <Typography.Text strong>{i.distributorName}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {t('memberships.portal.expiresAt')} {formatDate(i.expiresAt, i18n.language)}
              </Typography.Text>
              {i.message ? (
                <Typography.Paragraph style={{ margin: 0 }}>{i.message}</Typography.Paragraph>
              ) : null}
            </div>
            {isAdmin ? (
              <Flex gap={8}>
                <Button
                  type="primary"
                  data-testid="invitation-accept"
                  onClick={() =>
                    run(
                      () => answer.mutateAsync({ id: i.id, accept: true }),
                      t('memberships.portal.accepted'),
                    )
                  }
                >
                  {t('memberships.portal.accept')}
                </Button>
                <Button
                  data-testid="invitation-decline"
                  onClick={() =>
                    run(
                      () => answer.mutateAsync({ id: i.id, accept: false }),
                      t('memberships.portal.declined'),
                    )
                  }
                >
                  {t('memberships.portal.decline')}
                </Button>
              </Flex>
            ) : null}
          </Flex>
        ))
      )}
    </Card>
  );
}

/** R2, R5: the partner's programs, applications, channel and the path to distributor. */
export function MembershipsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const overview = useMembershipOverview();
  const invitations = useReceivedInvitations();
  const fits = useProgramFits();
  const isAdmin = !!me.data?.roles.includes('admin');
  const data = overview.data;
  const main = data ? (
    <Row gutter={[16, 16]}>
      {!isAdmin ? (
        <Col span={24}>
          <Typography.Text type="secondary">{t('memberships.portal.adminOnly')}</Typography.Text>
        </Col>
      ) : null}
      <Col xs={24} xl={16}>
        <Flex vertical gap={16}>
          <ProgramsCard data={data} />
          <FitCard fits={fits.data} />
          <PathCard data={data} isAdmin={isAdmin} />
          <ApplicationsCard items={data.applications} isAdmin={isAdmin} />
        </Flex>
      </Col>
      <Col xs={24} xl={8}>
        <Flex vertical gap={16}>
          <ManagerCard data={data} />
          <ChannelCard data={data} invitations={invitations.data?.items ?? []} isAdmin={isAdmin} />
          {isAdmin ? <ApplyCard data={data} fits={fits.data} /> : null}
        </Flex>
      </Col>
    </Row>
  ) : null;
  return (
    <>
      <PageHeader title={t('memberships.portal.title')} subtitle={t('memberships.portal.subtitle')} />
      <QueryState isLoading={overview.isLoading} error={overview.error} onRetry={() => overview.refetch()}>
        {data?.isDistributor ? (
          <Tabs
            items={[
              {
                key: 'overview',
                label: (
                  <span data-testid="membership-tab-overview">{t('memberships.portal.tabOverview')}</span>
                ),
                children: main,
              },
              {
                key: 'resellers',
                label: (
                  <span data-testid="membership-tab-resellers">{t('memberships.portal.tabResellers')}</span>
                ),
                children: <ResellersPanel isAdmin={isAdmin} />,
              },
            ]}
          />
        ) : (
          main
        )}
      </QueryState>
    </>
  );
}
