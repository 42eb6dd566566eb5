import { Alert, Button, Card, Col, Flex, Input, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { type ShownError, toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import { TicketFacts } from './ticket-detail-page.tsx';
import { TicketThread } from './ticket-parts.tsx';
import { useAssign, useAssignees, useConsoleTicket, useSupportAction } from './tickets-api.ts';

/** Console > Tickets > one ticket: answer, resolve, assign. */
export function ConsoleTicketPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const { id = '' } = useParams();
  const ticket = useConsoleTicket(id);
  const act = useSupportAction(id);
  const assign = useAssign();
  const assignees = useAssignees();
  const [text, setText] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const tk = ticket.data;
  const active = tk?.status === 'open' || tk?.status === 'pending';

  const run = (action: 'replies' | 'resolve') => {
    setError(null);
    act.mutate(
      { action, body: text.trim() || undefined },
      {
        onSuccess: () => setText(''),
        onError: (err) => setError(toShownError(err, t('common.loadFailed'))),
      },
    );
  };

  return (
    <>
      <PageHeader
        title={tk?.subject ?? t('tickets.field.id')}
        subtitle={tk ? <Link to={`/console/partners/${tk.partnerId}`}>{tk.partnerName}</Link> : undefined}
        extra={<LinkButton to="/console/tickets">{t('tickets.detail.back')}</LinkButton>}
      />
      <QueryState isLoading={ticket.isLoading} error={ticket.error} onRetry={() => ticket.refetch()}>
        {tk ? (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={16}>
              <Card title={t('tickets.detail.thread')}>
                <TicketThread ticket={tk} side="console" />
                <div style={{ marginTop: 16 }}>
                  <ErrorAlert error={error} testId="ticket-action-error" />
                  {active ? (
                    <Flex vertical gap={12}>
                      <Input.TextArea
                        aria-label={t('tickets.detail.replyPlaceholder')}
                        data-testid="ticket-reply-input"
                        rows={4}
                        maxLength={10000}
                        value={text}
                        onChange={(e) => setText(e.target.value)}
                        placeholder={`${t('tickets.detail.replyPlaceholder')} / ${t('tickets.detail.resolveNote')}`}
                      />
                      <Space wrap>
                        <Button
                          type="primary"
                          data-testid="ticket-reply-send"
                          disabled={!text.trim()}
                          loading={act.isPending}
                          onClick={() => run('replies')}
                        >
                          {t('tickets.detail.send')}
                        </Button>
                        <Button
                          data-testid="ticket-resolve"
                          loading={act.isPending}
                          onClick={() => run('resolve')}
                        >
                          {t('tickets.detail.resolve')}
                        </Button>
                      </Space>
                    </Flex>
                  ) : (
                    <Alert
                      type="info"
                      showIcon
                      title={
                        tk.status === 'closed'
                          ? t('tickets.detail.closedNotice')
                          : t('tickets.consoleStatus.resolved')
                      }
                    />
                  )}
                </div>
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card>
                {tk.escalatedAt ? (
                  <Alert
                    type="error"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={t('tickets.escalated', { at: formatDateTime(tk.escalatedAt, i18n.language) })}
                  />
                ) : null}
                <TicketFacts ticket={tk} side="console" />
                <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 6px' }}>
                  {t('tickets.field.assignee')}
                </Typography.Text>
                <Select
                  data-testid="ticket-assignee-select"
                  style={{ width: '100%' }}
                  value={tk.assignee?.id}
                  placeholder={t('tickets.unassigned')}
                  aria-label={t('tickets.unassigned')}
                  loading={assign.isPending}
                  disabled={tk.status === 'closed'}
                  onChange={(assigneeId: string) =>
                    assign.mutate(
                      { ticketIds: [tk.id], assigneeId },
                      {
                        onSuccess: () => ticket.refetch(),
                        onError: (err) => message.error(toShownError(err, t('common.loadFailed')).message),
                      },
                    )
                  }
                  options={(assignees.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
                />
              </Card>
            </Col>
          </Row>
        ) : null}
      </QueryState>
    </>
  );
}
