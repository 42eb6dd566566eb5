import { Alert, Button, Card, Col, Descriptions, Flex, Input, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { type ShownError, toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import { DueCell, StatusTag, TicketThread } from './ticket-parts.tsx';
import { SUBJECT_LINKS, type Ticket, useMyTicket, usePartnerAction } from './tickets-api.ts';

export function TicketFacts({ ticket, side }: { ticket: Ticket; side: 'portal' | 'console' }) {
  const { t, i18n } = useTranslation();
  return (
    <Descriptions column={1} size="small" data-testid="ticket-facts">
      <Descriptions.Item label={t('tickets.field.status')}>
        <StatusTag status={ticket.status} side={side} />
      </Descriptions.Item>
      <Descriptions.Item label={t('tickets.field.dueAt')}>
        <DueCell dueAt={ticket.dueAt} overdue={ticket.overdue} status={ticket.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('tickets.field.category')}>
        {t(`tickets.category.${ticket.category}`)}
      </Descriptions.Item>
      {ticket.subjectType && ticket.subjectId ? (
        <Descriptions.Item label={t('tickets.field.about')}>
          <span data-testid="ticket-subject-link">
            {t(`tickets.subjectType.${ticket.subjectType}`)} {ticket.subjectId}
            {side === 'portal' ? (
              <>
                {' · '}
                <Link to={SUBJECT_LINKS[ticket.subjectType]}>{t('tickets.detail.viewSubject')}</Link>
              </>
            ) : null}
          </span>
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('tickets.field.openedBy')}>{ticket.openedBy.name}</Descriptions.Item>
      <Descriptions.Item label={t('tickets.field.createdAt')}>
        {formatDateTime(ticket.createdAt, i18n.language)}
      </Descriptions.Item>
      {side === 'portal' ? (
        <Descriptions.Item label={t('tickets.field.assignee')}>
          <span data-testid="ticket-assignee">{ticket.assignee?.name ?? t('tickets.unassigned')}</span>
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('tickets.field.id')}>{ticket.id}</Descriptions.Item>
    </Descriptions>
  );
}

/** Portal > Support > one ticket: the thread, replying, confirming or reopening. */
export function TicketDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const ticket = useMyTicket(id);
  const act = usePartnerAction(id);
  const [text, setText] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const tk = ticket.data;

  const run = (action: 'replies' | 'confirm' | 'reopen') => {
    setError(null);
    act.mutate(
      { action, body: text.trim() },
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
        extra={<LinkButton to="/support">{t('tickets.detail.back')}</LinkButton>}
      />
      <QueryState isLoading={ticket.isLoading} error={ticket.error} onRetry={() => ticket.refetch()}>
        {tk ? (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={16}>
              <Card title={t('tickets.detail.thread')}>
                <TicketThread ticket={tk} side="portal" />
                <div style={{ marginTop: 16 }}>
                  <ErrorAlert error={error} testId="ticket-action-error" />
                  {tk.status === 'closed' ? (
                    <Alert type="info" showIcon title={t('tickets.detail.closedNotice')} />
                  ) : tk.status === 'resolved' ? (
                    <Flex vertical gap={12}>
                      <Alert type="success" showIcon title={t('tickets.detail.resolvedNotice')} />
                      <Input.TextArea
                        data-testid="ticket-reply-input"
                        rows={3}
                        maxLength={10000}
                        value={text}
                        onChange={(e) => setText(e.target.value)}
                        placeholder={t('tickets.detail.reopenPlaceholder')}
                      />
                      <Space wrap>
                        <Button
                          type="primary"
                          data-testid="ticket-confirm"
                          loading={act.isPending}
                          onClick={() => run('confirm')}
                        >
                          {t('tickets.detail.confirm')}
                        </Button>
                        <Button
                          data-testid="ticket-reopen"
                          disabled={!text.trim()}
                          loading={act.isPending}
                          onClick={() => run('reopen')}
                        >
                          {t('tickets.detail.reopen')}
                        </Button>
                      </Space>
                    </Flex>
                  ) : (
                    <Flex vertical gap={12}>
                      <Input.TextArea
                        data-testid="ticket-reply-input"
                        rows={4}
                        maxLength={10000}
                        value={text}
                        onChange={(e) => setText(e.target.value)}
                        placeholder={t('tickets.detail.replyPlaceholder')}
                      />
                      <div>
                        <Button
                          type="primary"
                          data-testid="ticket-reply-send"
                          disabled={!text.trim()}
                          loading={act.isPending}
                          onClick={() => run('replies')}
                        >
                          {t('tickets.detail.send')}
                        </Button>
                      </div>
                    </Flex>
                  )}
                </div>
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card>
                <TicketFacts ticket={tk} side="portal" />
              </Card>
            </Col>
          </Row>
        ) : null}
      </QueryState>
    </>
  );
}
