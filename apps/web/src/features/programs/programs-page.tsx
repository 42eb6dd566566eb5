import { CheckCircleOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { PageTitle } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { usePrograms } from './programs-api.ts';

/** R17: the public list of partner programs. */
export function ProgramsPage() {
  const { t } = useTranslation();
  const programs = usePrograms();
  const items = programs.data?.items ?? [];
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
            {items.map((p) => (
              <Col key={p.code} xs={24} md={12} xl={8}>
                <Card
                  data-testid={`program-card-${p.code}`}
                  title={p.name}
                  style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
                  styles={{ body: { flex: 1, display: 'flex', flexDirection: 'column' } }}
                >
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
                    <LinkButton to="/sign-up" type="primary">
                      {t('programs.register')}
                    </LinkButton>
                  </Flex>
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </QueryState>
    </div>
  );
}
