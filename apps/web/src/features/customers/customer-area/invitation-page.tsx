import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../platform/api/session.ts';
import { useFeedback } from '../../../platform/components/feedback.tsx';
import { LinkButton } from '../../../platform/components/link-button.tsx';
import { PageTitle } from '../../../platform/components/page-header.tsx';
import { PageResult } from '../../../platform/components/page-result.tsx';
import { QueryState } from '../../../platform/components/query-state.tsx';
import { toShownError } from '../../../platform/lib/form-errors.ts';
import { useAnswerInvitation, useInvitation } from './customer-api.ts';

/** The link of a partner's invitation (R6 a): see who invites, then sign up or sign in and accept. */
export function CustomerInvitationPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const inv = useInvitation(token);
  const me = useMe();
  const answer = useAnswerInvitation();
  const isCustomer = me.data?.userType === 'customer';
  const here = `/customer/invitation?token=${encodeURIComponent(token)}`;
  const status = inv.data?.status ?? '';
  const statusKey = (['accepted', 'declined', 'revoked', 'expired'] as const).find((s) => s === status);
  return (
    <div className="pc-auth">
      <Card className="pc-auth-card" style={{ maxWidth: 560 }}>
        <QueryState heading isLoading={inv.isLoading} error={inv.error} onRetry={() => inv.refetch()}>
          {inv.data ? (
            <>
              <PageTitle style={{ marginTop: 0 }}>
                {t('customers.invitation.title', { name: inv.data.partnerName })}
              </PageTitle>
              <Typography.Paragraph>
                {t('customers.invitation.body', {
                  name: inv.data.partnerName,
                  email: inv.data.email ?? '',
                  type: t(`customers.type.${inv.data.type}`),
                })}
              </Typography.Paragraph>
              {statusKey ? (
                <PageResult
                  status={statusKey === 'accepted' ? 'success' : 'info'}
                  title={t('customers.invitation.notPending', {
                    status: t(`customers.requestStatus.${statusKey}`),
                  })}
                />
              ) : isCustomer ? (
                <>
                  {answer.error ? (
                    <Alert
                      type="error"
                      showIcon
                      title={toShownError(answer.error, t('common.loadFailed')).message}
                    />
                  ) : null}
                  <Flex gap={8} style={{ marginTop: 12 }}>
                    <Button
                      type="primary"
                      loading={answer.isPending}
                      data-testid="invitation-accept"
                      onClick={() =>
                        answer.mutate(
                          { token, accept: true },
                          {
                            onSuccess: () => {
                              message.success(
                                t('customers.invitation.accepted', { name: inv.data?.partnerName }),
                              );
                              navigate('/customer');
                            },
                          },
                        )
                      }
                    >
                      {t('customers.area.accept')}
                    </Button>
                    <Button
                      onClick={() =>
                        answer.mutate(
                          { token, accept: false },
                          {
                            onSuccess: () => {
                              message.success(t('customers.invitation.declined'));
                              navigate('/customer');
                            },
                          },
                        )
                      }
                    >
                      {t('customers.area.decline')}
                    </Button>
                  </Flex>
                </>
              ) : (
                <Flex gap={8} style={{ marginTop: 12 }}>
                  <LinkButton
                    type="primary"
                    to={`/customer/sign-up?invitation=${encodeURIComponent(token)}`}
                    data-testid="invitation-sign-up"
                  >
                    {t('customers.invitation.signUp')}
                  </LinkButton>
                  <LinkButton to={`/sign-in?next=${encodeURIComponent(here)}`}>
                    {t('customers.invitation.signIn')}
                  </LinkButton>
                </Flex>
              )}
            </>
          ) : null}
        </QueryState>
      </Card>
    </div>
  );
}
