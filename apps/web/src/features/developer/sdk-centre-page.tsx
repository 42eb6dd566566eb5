import { Alert, Button, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CodeBlock } from '../../platform/components/code-block.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { type PartnerApiInfo, usePartnerApiInfo } from './developer-api.ts';
import {
  fillSample,
  GO_SAMPLE,
  JAVA_SAMPLE,
  NODE_SAMPLE,
  PYTHON_SAMPLE,
  TYPESCRIPT_SAMPLE,
} from './sdk-samples.ts';

type Operation = PartnerApiInfo['operations'][number];

function Code({ text, testId }: { text: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph
      copyable={{ text, tooltips: [t('developer.keys.copy'), t('developer.keys.copied')] }}
      style={{ marginBottom: 0 }}
      data-testid={testId}
    >
      <CodeBlock maxHeight={480}>{text}</CodeBlock>
    </Typography.Paragraph>
  );
}

/** Developer > SDK centre (R16): API reference, the generated TypeScript SDK, the official SDKs. */
export function SdkCentrePage() {
  const { t } = useTranslation();
  const info = usePartnerApiInfo();
  const d = info.data;
  const fill = (s: string) => (d ? fillSample(s, d.endpoint, d.domainId) : s);
  return (
    <>
      <PageHeader title={t('developer.sdk.title')} subtitle={t('developer.sdk.subtitle')} />
      <QueryState isLoading={info.isLoading} error={info.error} onRetry={() => info.refetch()}>
        {d ? (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Card title={t('developer.sdk.connection')}>
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label={t('developer.sdk.endpoint')}>
                  <Typography.Text code copyable data-testid="sdk-endpoint">
                    {d.endpoint}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('developer.sdk.domainId')}>
                  <Typography.Text code copyable data-testid="sdk-domain-id">
                    {d.domainId}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph style={{ marginTop: 16 }}>
                <Link to="/developer/keys">{t('developer.sdk.keysLink')}</Link>
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t('developer.sdk.signing')}</Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t('developer.sdk.limits')}
              </Typography.Paragraph>
            </Card>

            <Card
              title={t('developer.sdk.reference')}
              extra={
                <Space>
                  <Button href={d.docsUrl} target="_blank" rel="noreferrer" data-testid="sdk-docs">
                    {t('developer.sdk.openDocs')}
                  </Button>
                  <Button href={d.openapiUrl} target="_blank" rel="noreferrer">
                    {t('developer.sdk.openapi')}
                  </Button>
                </Space>
              }
            >
              <Typography.Paragraph>{t('developer.sdk.referenceText')}</Typography.Paragraph>
              <Typography.Title level={5}>{t('developer.sdk.operations')}</Typography.Title>
              <Table<Operation>
                rowKey={(r) => `${r.method} ${r.path}`}
                size="small"
                pagination={false}
                dataSource={d.operations}
                locale={{ emptyText: t('developer.sdk.noOperations') }}
                onRow={() => ({ 'data-testid': 'sdk-operation' }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  {
                    title: t('developer.sdk.method'),
                    dataIndex: 'method',
                    width: 90,
                    render: (m: string) => <Tag color={m === 'GET' ? 'blue' : 'green'}>{m}</Tag>,
                  },
                  {
                    title: t('developer.sdk.path'),
                    dataIndex: 'path',
                    render: (p: string) => <Typography.Text code>{p}</Typography.Text>,
                  },
                  { title: t('developer.sdk.summary'), dataIndex: 'summary' },
                ]}
              />
            </Card>

            <Card title={t('developer.sdk.typescript')}>
              <Typography.Paragraph>{t('developer.sdk.typescriptText')}</Typography.Paragraph>
              <Code text={fill(TYPESCRIPT_SAMPLE)} testId="sdk-sample-ts" />
            </Card>

            <Card title={t('developer.sdk.official')}>
              <Typography.Paragraph>{t('developer.sdk.officialText')}</Typography.Paragraph>
              <Alert
                type="info"
                showIcon
                message={t('developer.sdk.secretNote')}
                style={{ marginBottom: 16 }}
              />
              <Tabs
                items={[
                  {
                    key: 'node',
                    label: t('developer.sdk.node'),
                    children: <Code text={fill(NODE_SAMPLE)} />,
                  },
                  {
                    key: 'python',
                    label: t('developer.sdk.python'),
                    children: <Code text={fill(PYTHON_SAMPLE)} />,
                  },
                  {
                    key: 'java',
                    label: t('developer.sdk.java'),
                    children: <Code text={fill(JAVA_SAMPLE)} />,
                  },
                  { key: 'go', label: t('developer.sdk.go'), children: <Code text={fill(GO_SAMPLE)} /> },
                ]}
              />
            </Card>
          </Space>
        ) : null}
      </QueryState>
    </>
  );
}
