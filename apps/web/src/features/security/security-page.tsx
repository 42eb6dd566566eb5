import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  type ButtonProps,
  Card,
  Flex,
  Form,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, send, unwrap } from '../../platform/api/client.ts';
import { useMe } from '../../platform/api/session.ts';
import { CodeInput } from '../../platform/components/code-input.tsx';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { type ShownError, toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import { RecoveryCodes } from './recovery-codes.tsx';
import { TotpEnrol } from './totp-enrol.tsx';

const sessionsKey = ['me', 'sessions'] as const;
const totpKey = ['me', 'totp'] as const;

/** The portal's and the console's security page: sessions and two-step verification. */
export function SecurityPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('security.page.title')} subtitle={t('security.page.subtitle')} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <SessionsCard />
        <TotpCard />
      </Space>
    </>
  );
}

function SessionsCard() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const qc = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsKey, queryFn: () => unwrap(api.GET('/api/me/sessions')) });
  const refresh = () => qc.invalidateQueries({ queryKey: sessionsKey });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      send(() => api.POST('/api/me/sessions/{sessionId}/revoke', { params: { path: { sessionId: id } } })),
    onSuccess: () => {
      message.success(t('security.page.revoked'));
      void refresh();
    },
  });
  const others = useMutation({
    mutationFn: () => send(() => api.POST('/api/me/sessions/revoke-others')),
    onSuccess: (r) => {
      message.success(t('security.page.revokedOthers', { count: r.revoked }));
      void refresh();
    },
  });
  const items = sessions.data?.items ?? [];
  return (
    <Card
      title={t('security.page.sessions')}
      extra={
        <Button
          danger
          disabled={items.length < 2}
          loading={others.isPending}
          onClick={() => others.mutate()}
          data-testid="sessions-revoke-others"
        >
          {t('security.page.revokeOthers')}
        </Button>
      }
    >
      <ErrorAlert
        error={
          revoke.error || others.error
            ? toShownError(revoke.error ?? others.error, t('common.networkError'))
            : null
        }
      />
      <QueryState
        isLoading={sessions.isLoading}
        error={sessions.error}
        onRetry={() => void sessions.refetch()}
      >
        <Table
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={items}
          data-testid="sessions-table"
          scroll={{ x: true }}
          columns={[
            {
              title: t('security.page.device'),
              dataIndex: 'device',
              render: (device: string, r) => (
                <Space>
                  <span title={r.userAgent ?? ''}>{device}</span>
                  {r.current ? (
                    <Tag color="green" data-testid="session-current">
                      {t('security.page.current')}
                    </Tag>
                  ) : null}
                </Space>
              ),
            },
            { title: t('security.page.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
            {
              title: t('security.page.createdAt'),
              dataIndex: 'createdAt',
              onCell: () => ({ style: nowrap }),
              render: (v: string) => formatDateTime(v, i18n.language),
            },
            {
              title: t('security.page.lastSeenAt'),
              dataIndex: 'lastSeenAt',
              onCell: () => ({ style: nowrap }),
              render: (v: string) => formatDateTime(v, i18n.language),
            },
            {
              title: '',
              key: 'actions',
              render: (_, r) =>
                r.current ? null : (
                  <Popconfirm
                    title={t('security.page.revokeConfirm')}
                    okText={t('security.page.confirm')}
                    cancelText={t('security.page.cancel')}
                    onConfirm={() => revoke.mutate(r.id)}
                  >
                    <Button size="small" danger data-testid="session-revoke">
                      {t('security.page.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </QueryState>
    </Card>
  );
}

type CodeAction = 'regenerate' | 'disable';

function TotpCard() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const status = useQuery({ queryKey: totpKey, queryFn: () => unwrap(api.GET('/api/me/totp')) });
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [action, setAction] = useState<CodeAction | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: totpKey });

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(toShownError(err, t('common.networkError')));
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    run(async () => {
      setEnrolment(await send(() => api.POST('/api/me/totp/setup')));
    });
  const confirm = (code: string) =>
    run(async () => {
      const out = await send(() => api.POST('/api/me/totp/confirm', { body: { code } }));
      setEnrolment(null);
      setCodes(out.recoveryCodes);
      void refresh();
    });
  const withCode = (code: string) =>
    run(async () => {
      if (action === 'regenerate') {
        const out = await send(() => api.POST('/api/me/totp/recovery-codes', { body: { code } }));
        setCodes(out.recoveryCodes);
      } else {
        await send(() => api.POST('/api/me/totp/disable', { body: { code } }));
        message.success(t('security.page.turnedOff'));
      }
      setAction(null);
      void refresh();
    });

  const s = status.data;
  return (
    <Card
      title={
        <Space>
          {t('security.page.totp')}
          {s ? (
            <Tag color={s.enabled ? 'green' : 'default'} data-testid="totp-status">
              {s.enabled ? t('security.page.totpOn') : t('security.page.totpOff')}
            </Tag>
          ) : null}
          {s?.required ? <Tag color="blue">{t('security.page.totpRequired')}</Tag> : null}
        </Space>
      }
    >
      <ErrorAlert error={error} testId="totp-error" />
      <QueryState isLoading={status.isLoading} error={status.error} onRetry={() => void status.refetch()}>
        {codes ? (
          <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
        ) : enrolment ? (
          <div style={{ maxWidth: 480 }}>
            <TotpEnrol secret={enrolment.secret} uri={enrolment.uri} busy={busy} onCode={confirm} />
          </div>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('security.page.totpIntro')}</Typography.Paragraph>
            {s?.enabled ? (
              <Flex gap={8} align="center" wrap>
                <Typography.Text data-testid="totp-codes-left">
                  {t('security.page.codesLeft', { count: s.recoveryCodesLeft })}
                </Typography.Text>
                <Button onClick={() => setAction('regenerate')} data-testid="totp-regenerate">
                  {t('security.page.regenerate')}
                </Button>
                {me?.userType !== 'operator' ? (
                  <Button danger onClick={() => setAction('disable')} data-testid="totp-disable">
                    {t('security.page.turnOff')}
                  </Button>
                ) : null}
              </Flex>
            ) : (
              <Button type="primary" loading={busy} onClick={() => void start()} data-testid="totp-turn-on">
                {t('security.page.turnOn')}
              </Button>
            )}
          </>
        )}
      </QueryState>
      {action ? <CodeModal busy={busy} onCode={withCode} onClose={() => setAction(null)} /> : null}
    </Card>
  );
}

function CodeModal({
  busy,
  onCode,
  onClose,
}: {
  busy: boolean;
  onCode: (code: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  return (
    <Modal
      open
      title={t('security.page.codeToConfirm')}
      okText={t('security.page.confirm')}
      cancelText={t('security.page.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'totp-code-ok' } as ButtonProps}
    >
      <Form form={form} onFinish={(v) => onCode(v.code)}>
        <Form.Item
          name="code"
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('security.verify.code') }]}
        >
          <CodeInput size="large" autoFocus data-testid="totp-code-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
