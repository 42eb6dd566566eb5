import { CheckCircleOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/api/session.ts';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { PageTitle } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { useProgramFitsFor, usePrograms } from './programs-api.ts';

const FIT_COLORS: Record<string, string> = {
  member: 'green',
  apply: 'blue',
  invitation: 'gold',
  next_step: 'cyan',
  not_for_kind: 'default',
};

/** R17: the public list of partner programs. */
export function ProgramsPage() {
  const { t } = useTranslation();
  const programs = usePrograms();
  const me = useMe();
  const partnerUser = me.data?.userType === 'partner';
  const fits = useProgramFitsFor(partnerUser);
  const fitOf = (code: string) => (partnerUser ? fits.data?.items.find((f) => f.code === code) : undefined);
  // Signed in as a partner: the programs that fit its kind first; the others last, marked, with the reason.
  const rank = (code: string) => (fitOf(code)?.fit === 'not_for_kind' ? 1 : 0);
  const items = [...(programs.data?.items ?? [])].sort((a, b) => rank(a.code) - rank(b.code));
  return (
    <div className="pc-container pc-section">
      <PageTitle className="pc-h1-2">{t('programs.title')}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ fontSize: 16, marginBottom: 32 }}>
        {t('programs.subtitle')}
      </Typography.Paragraph>
      <QueryState isLoading={programs.isLoading} error={programs.error} onRetry={() => programs.refetch()}>
        {items.length === 0 ? (
          <Empty description={t('programs.empty')} />
        ) : (
          <Row gutter={[24, 24]}>
            {items.map((p) => {
              const fit = fitOf(p.code);
              const off = fit?.fit === 'not_for_kind';
              return (
                <Col key={p.code} xs={24} md={12} xl={8}>
                  <Card
                    data-testid={`program-card-${p.code}`}
                    data-fit={fit?.fit}
                    title={p.name}
                    extra={
                      fit ? (
                        <Tag color={FIT_COLORS[fit.fit]} data-testid="program-fit">
                          {t(`memberships.fit.${fit.fit}`)}
                        </Tag>
                      ) : null
                    }
                    style={{
                      height: '100%',
                      display: 'flex',
                      flexDirection: 'column',
                      opacity: off ? 0.7 : 1,
                    }}
                    styles={{ body: { flex: 1, display: 'flex', flexDirection: 'column' } }}
                  >
                    {fit?.reason ? (
                      <Typography.Paragraph
                        type={off ? 'warning' : 'secondary'}
                        data-testid="program-fit-reason"
                      >
                        {fit.reason}
                      </Typography.Paragraph>
                    ) : null}
                    <Typography.Paragraph type="secondary">{p.summary}</Typography.Paragraph>
                    <Typography.Text strong>{t('programs.requirements')}</Typography.Text>
                    <ul style={{ paddingLeft: 0, listStyle: 'none', margin: '8px 0 16px', flex: 1 }}>
                      {p.requirements.slice(0, 3).map((r) => (
                        <li key={r} style={{ display: 'flex', gap: 8, marginBottom: 6 }}>
                          <CheckCircleOutlined style={{ color: '#52c41a', marginTop: 4 }} />
                          <span>{r}</span>
                        </li>
                      ))}
                    </ul>
                    <Flex gap={8}>
                      <LinkButton to={`/programs/${p.code}`} data-testid={`program-link-${p.code}`}>
                        {t('programs.details')}
                      </LinkButton>
                      {partnerUser ? (
                        fit && fit.fit !== 'member' && !off ? (
                          <LinkButton to="/memberships" type="primary">
                            {t('memberships.portal.apply')}
                          </LinkButton>
                        ) : null
                      ) : (
                        <LinkButton to="/sign-up" type="primary">
                          {t('programs.register')}
                        </LinkButton>
                      )}
                    </Flex>
                  </Card>
                </Col>
              );
            })}
          </Row>
        )}
      </QueryState>
    </div>
  );
}
