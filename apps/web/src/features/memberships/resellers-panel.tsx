import { Button, Card, Flex, Form, Input, Popconfirm, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatYuan, StatusTag, useRun } from './membership-format.tsx';
import {
  type Invitation,
  type Reseller,
  useInvite,
  useResellers,
  useRevoke,
  useSentInvitations,
} from './memberships-api.ts';

/** R2: a distributor's resellers with their performance, and its invitations. */
export function ResellersPanel({ isAdmin }: { isAdmin: boolean }) {
  const { t, i18n } = useTranslation();
  const resellers = useResellers(true);
  const sent = useSentInvitations(true);
  const invite = useInvite();
  const revoke = useRevoke();
  const run = useRun();
  const [form] = Form.useForm<{ email: string; message?: string }>();
  return (
    <Flex vertical gap={16}>
      <Card title={t('memberships.resellers.title')}>
        <Table<Reseller>
          rowKey="linkId"
          size="small"
          pagination={false}
          loading={resellers.isLoading}
          dataSource={resellers.data?.items ?? []}
          scroll={{ x: 700 }}
          locale={{ emptyText: t('memberships.resellers.none') }}
          onRow={(r) =>
            ({ 'data-testid': 'reseller-row', 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t('memberships.resellers.name'), dataIndex: 'resellerName' },
            {
              title: t('memberships.resellers.status'),
              dataIndex: 'status',
              render: (v: string) => <StatusTag status={v} />,
            },
            {
              title: t('memberships.portal.since'),
              dataIndex: 'startedAt',
              render: (v: string) => formatDate(v, i18n.language),
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
      {isAdmin ? (
        <Card title={t('memberships.resellers.invite')}>
          <Form
            form={form}
            layout="inline"
            onFinish={async (v) => {
              if (await run(() => invite.mutateAsync(v), t('memberships.resellers.invited')))
                form.resetFields();
            }}
            style={{ rowGap: 8 }}
          >
            <Form.Item
              name="email"
              rules={[{ required: true, type: 'email', message: t('memberships.resellers.inviteEmail') }]}
            >
              <Input
                placeholder={t('memberships.resellers.inviteEmail')}
                style={{ width: 280 }}
                data-testid="reseller-invite-email"
              />
            </Form.Item>
            <Form.Item name="message">
              <Input
                placeholder={t('memberships.resellers.inviteMessage')}
                style={{ width: 280 }}
                data-testid="reseller-invite-message"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              loading={invite.isPending}
              data-testid="reseller-invite-submit"
            >
              {t('memberships.resellers.inviteSubmit')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Card title={t('memberships.resellers.sent')}>
        <Table<Invitation>
          rowKey="id"
          size="small"
          pagination={false}
          loading={sent.isLoading}
          dataSource={sent.data?.items ?? []}
          scroll={{ x: 700 }}
          locale={{ emptyText: t('memberships.portal.noInvitations') }}
          onRow={(r) =>
            ({
              'data-testid': 'sent-invitation-row',
              'data-status': r.status,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('memberships.resellers.to'),
              key: 'to',
              render: (_, r) => (
                <Flex vertical>
                  <span>{r.resellerName}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.email}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('memberships.resellers.status'),
              dataIndex: 'status',
              render: (v: string) => <StatusTag status={v} />,
            },
            {
              title: t('memberships.portal.expiresAt'),
              dataIndex: 'expiresAt',
              render: (v: string) => formatDate(v, i18n.language),
            },
            {
              key: 'actions',
              render: (_, r) =>
                isAdmin && r.status === 'pending' ? (
                  <Popconfirm
                    title={t('memberships.resellers.revoke')}
                    onConfirm={() => run(() => revoke.mutateAsync(r.id), t('memberships.resellers.revoked'))}
                  >
                    <Button size="small" data-testid="sent-invitation-revoke">
                      {t('memberships.resellers.revoke')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
