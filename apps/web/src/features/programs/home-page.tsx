import {
  AppstoreOutlined,
  RightOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { Card, Col, Flex, Row, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { usePageTitle } from '../../platform/lib/use-document-title.ts';
import { usePrograms } from './programs-api.ts';

const features = [
  { key: 'programs', icon: <AppstoreOutlined /> },
  { key: 'certification', icon: <SafetyCertificateOutlined /> },
  { key: 'customers', icon: <TeamOutlined /> },
  { key: 'incentives', icon: <WalletOutlined /> },
] as const;

/** The published programs, straight from the server, as a way into their pages. */
function HeroPrograms() {
  const { t } = useTranslation();
  const items = usePrograms().data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <div className="pc-hero-panel">
      <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
        {t('public.programs')}
      </Typography.Text>
      <Flex vertical gap={4} style={{ marginTop: 12 }}>
        {items.map((p) => (
          <Link key={p.code} to={`/programs/${p.code}`} className="pc-hero-program">
            <span>{p.name}</span>
            <RightOutlined />
          </Link>
        ))}
      </Flex>
    </div>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('public.home'));
  return (
    <>
      <section className="pc-hero">
        <div className="pc-container">
          <Row gutter={48} align="middle">
            <Col xs={24} lg={14}>
              <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', letterSpacing: 1 }}>
                {t('app.tagline')}
              </Typography.Text>
              <h1>{t('home.heroTitle')}</h1>
              <p>{t('home.heroBody')}</p>
              <Flex gap={12} wrap>
                <LinkButton to="/sign-up" size="large" data-testid="home-register">
                  {t('home.ctaRegister')}
                </LinkButton>
                <LinkButton to="/programs" size="large" ghost data-testid="home-programs">
                  {t('home.ctaPrograms')}
                </LinkButton>
              </Flex>
            </Col>
            <Col xs={0} lg={10}>
              <HeroPrograms />
            </Col>
          </Row>
        </div>
      </section>
      <section className="pc-section">
        <div className="pc-container">
          <Typography.Title level={2} style={{ textAlign: 'center', marginBottom: 32 }}>
            {t('home.whyTitle')}
          </Typography.Title>
          <Row gutter={[24, 24]}>
            {features.map((f) => (
              <Col key={f.key} xs={24} sm={12} lg={6}>
                <Card style={{ height: '100%' }}>
                  <div style={{ fontSize: 28, color: '#1677ff', marginBottom: 12 }}>{f.icon}</div>
                  <Typography.Title level={5}>{t(`home.features.${f.key}.title`)}</Typography.Title>
                  <Typography.Text type="secondary">{t(`home.features.${f.key}.body`)}</Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
        </div>
      </section>
      <section className="pc-section" style={{ background: '#fff' }}>
        <div className="pc-container">
          <Typography.Title level={2} style={{ textAlign: 'center', marginBottom: 40 }}>
            {t('home.stepsTitle')}
          </Typography.Title>
          <Steps
            current={-1}
            items={(['choose', 'register', 'certify'] as const).map((k) => ({
              status: 'process' as const,
              title: t(`home.steps.${k}.title`),
              content: t(`home.steps.${k}.body`),
            }))}
          />
        </div>
      </section>
    </>
  );
}
