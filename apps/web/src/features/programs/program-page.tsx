import { ArrowLeftOutlined, CheckCircleOutlined, GiftOutlined } from '@ant-design/icons';
import { Card, Col, Result, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiRequestError } from '../../platform/api/client.ts';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { usePageTitle } from '../../platform/lib/use-document-title.ts';
import { useProgram } from './programs-api.ts';

function Bullets({ items, icon }: { items: string[]; icon: React.ReactNode }) {
  return (
    <ul style={{ paddingLeft: 0, listStyle: 'none', margin: 0 }}>
      {items.map((r) => (
        <li key={r} style={{ display: 'flex', gap: 10, marginBottom: 12, fontSize: 15 }}>
          <span style={{ marginTop: 2 }}>{icon}</span>
          <span>{r}</span>
        </li>
      ))}
    </ul>
  );
}

/** R17: one program with its joining requirements and a way to register. */
export function ProgramPage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const program = useProgram(code);
  const p = program.data;
  usePageTitle(p?.name);

  if (program.error instanceof ApiRequestError && program.error.status === 404) {
    return (
      <Result
        status="404"
        title={t('programs.notFound')}
        extra={
          <LinkButton to="/programs" type="primary">
            {t('programs.backToList')}
          </LinkButton>
        }
      />
    );
  }

  return (
    <div className="pc-container pc-section">
      <LinkButton to="/programs" type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>
        {t('programs.backToList')}
      </LinkButton>
      <QueryState isLoading={program.isLoading} error={program.error} onRetry={() => program.refetch()}>
        {p ? (
          <>
            <Typography.Title
              level={1}
              className="pc-h1-2"
              data-testid="program-name"
              style={{ marginTop: 8 }}
            >
              {p.name}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ fontSize: 16, maxWidth: 760 }}>
              {p.summary}
            </Typography.Paragraph>
            <Row gutter={[24, 24]} style={{ marginTop: 24 }}>
              <Col xs={24} lg={14}>
                <Card title={t('programs.requirements')} data-testid="program-requirements">
                  <Bullets
                    items={p.requirements}
                    icon={<CheckCircleOutlined style={{ color: '#52c41a' }} />}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={10}>
                <Card title={t('programs.benefits')} style={{ marginBottom: 24 }}>
                  <Bullets items={p.benefits} icon={<GiftOutlined style={{ color: '#1677ff' }} />} />
                </Card>
                <Card style={{ background: '#f0f5ff', borderColor: '#adc6ff' }}>
                  <Typography.Title level={4} style={{ marginTop: 0 }}>
                    {t('programs.joinTitle')}
                  </Typography.Title>
                  <Typography.Paragraph type="secondary">{t('programs.joinBody')}</Typography.Paragraph>
                  <LinkButton to="/sign-up" type="primary" size="large" data-testid="program-register">
                    {t('programs.register')}
                  </LinkButton>
                </Card>
              </Col>
            </Row>
          </>
        ) : null}
      </QueryState>
    </div>
  );
}
