import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import { type SpendImport, useImports, useUpload } from './spend-api.ts';

const STATUS_COLOR: Record<SpendImport['status'], string> = {
  validating: 'processing',
  importing: 'processing',
  completed: 'success',
  failed: 'error',
  interrupted: 'warning',
};

function percent(i: SpendImport): number {
  if (i.status === 'completed') return 100;
  return i.totalLines ? Math.floor((i.processedLines * 100) / i.totalLines) : 0;
}

/** Console > Spend import: upload NDJSON/CSV, follow the progress, read the bad lines. */
export function SpendImportPage() {
  const { t, i18n } = useTranslation();
  const imports = useImports();
  const upload = useUpload();
  const [file, setFile] = useState<File | null>(null);
  const [skip, setSkip] = useState(false);
  const last = upload.data;
  return (
    <>
      <PageHeader title={t('spend.title')} subtitle={t('spend.subtitle')} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Typography.Paragraph type="secondary">{t('spend.format')}</Typography.Paragraph>
          <Space direction="vertical">
            <Upload
              accept=".ndjson,.jsonl,.json,.csv,.txt"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            >
              <Button icon={<UploadOutlined />} data-testid="spend-choose">
                {t('spend.choose')}
              </Button>
            </Upload>
            <Checkbox checked={skip} onChange={(e) => setSkip(e.target.checked)} data-testid="spend-skip">
              {t('spend.skipBadLines')}
            </Checkbox>
            <Button
              type="primary"
              disabled={!file}
              loading={upload.isPending}
              data-testid="spend-upload"
              onClick={() => file && upload.mutate({ file, skipBadLines: skip })}
            >
              {upload.isPending ? t('spend.uploading') : t('spend.upload')}
            </Button>
            <ErrorAlert error={upload.error ? toShownError(upload.error, t('common.loadFailed')) : null} />
            {last?.status === 'failed' ? (
              <Alert type="error" showIcon message={t('spend.failedNothing')} data-testid="spend-failed" />
            ) : null}
          </Space>
        </Card>
        <Card title={t('spend.recent')}>
          <QueryState isLoading={imports.isLoading} error={imports.error} onRetry={() => imports.refetch()}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={imports.data?.items ?? []}
              data-testid="spend-imports"
              expandable={{
                rowExpandable: (r) => r.errors.length > 0,
                expandedRowRender: (r) => (
                  <Table
                    size="small"
                    rowKey={(e) => `${e.line}-${e.reason}`}
                    pagination={false}
                    title={() => t('spend.errorsTitle', { count: r.errors.length })}
                    dataSource={r.errors}
                    columns={[
                      { title: t('spend.line'), dataIndex: 'line', width: 100 },
                      { title: t('spend.reason'), dataIndex: 'reason' },
                    ]}
                  />
                ),
              }}
              columns={[
                { title: t('spend.col.file'), dataIndex: 'fileName', render: (v) => v ?? '—' },
                {
                  title: t('spend.col.status'),
                  dataIndex: 'status',
                  render: (s: SpendImport['status']) => (
                    <Tag color={STATUS_COLOR[s]}>{t(`spend.status.${s}`)}</Tag>
                  ),
                },
                {
                  title: t('spend.progress'),
                  key: 'progress',
                  width: 200,
                  render: (_, r) => (
                    <Progress
                      aria-label={t('spend.progress')}
                      percent={percent(r)}
                      size="small"
                      status={r.status === 'failed' || r.status === 'interrupted' ? 'exception' : undefined}
                    />
                  ),
                },
                {
                  title: t('spend.col.lines'),
                  key: 'lines',
                  render: (_, r) => `${r.processedLines} / ${r.totalLines}`,
                },
                { title: t('spend.col.inserted'), dataIndex: 'insertedCount' },
                { title: t('spend.col.duplicates'), dataIndex: 'duplicateCount' },
                { title: t('spend.col.errors'), dataIndex: 'errorCount' },
                {
                  title: t('spend.col.created'),
                  dataIndex: 'createdAt',
                  render: (v) => formatDateTime(v, i18n.language),
                },
              ]}
            />
          </QueryState>
        </Card>
      </Space>
    </>
  );
}
