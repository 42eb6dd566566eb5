import { Col, Flex, Row, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../platform/api/types.ts';
import type { enUS } from '../../platform/i18n/en-US.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import { JsonView } from './json-view.tsx';

type ActorType = keyof typeof enUS.console.audit.actorTypes;
const ACTOR_TYPES: readonly string[] = ['user', 'operator', 'system', 'partner_api'];

/** Time, actor, action and entity: the columns every audit table starts with (log page, partner history). */
export function useAuditColumns(): ColumnsType<AuditEntry> {
  const { t, i18n } = useTranslation();
  const actorLabel = (type: string) =>
    ACTOR_TYPES.includes(type) ? t(`console.audit.actorTypes.${type as ActorType}`) : type;
  return [
    {
      title: t('console.audit.at'),
      dataIndex: 'at',
      width: 180,
      render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
    },
    {
      title: t('console.audit.actor'),
      key: 'actor',
      width: 220,
      render: (_, r) => (
        <Flex vertical data-testid="audit-actor">
          <span>{r.actorName ?? actorLabel(r.actorType)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.actorName ? `${actorLabel(r.actorType)} · ${r.actorEmail ?? r.actorId}` : (r.actorId ?? '')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('console.audit.action'),
      dataIndex: 'action',
      render: (v: string, r) => (
        <Flex vertical align="flex-start">
          <Tag color="blue" data-testid="audit-action-label">
            {r.actionLabel}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('console.audit.entity'),
      key: 'entity',
      render: (_, r) => (
        <Flex vertical>
          <span data-testid="audit-target">
            {r.entityTypeLabel}
            {r.entityName ? `: ${r.entityName}` : ''}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable>
            {r.entityId}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
}

/** The expanded row: the values before and after the change. */
export function AuditChange({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Typography.Text type="secondary">{t('console.audit.before')}</Typography.Text>
        <JsonView value={entry.before} />
      </Col>
      <Col xs={24} lg={12}>
        <Typography.Text type="secondary">{t('console.audit.after')}</Typography.Text>
        <JsonView value={entry.after} testId="audit-after" />
      </Col>
    </Row>
  );
}
