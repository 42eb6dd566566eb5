import { Alert, Button, Checkbox, Flex, Form, Input, List, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toShownError } from '../../platform/lib/form-errors.ts';
import { BULK_MAX, type BulkResult, type CustomerFilter, useBulkFreeze } from './customers-api.ts';

type Action = 'freeze' | 'unfreeze';
type FreezeType = 'ACCOUNT' | 'ACCOUNT_AND_RESOURCE';

/** A new key per confirmation dialog: a double click or a retry of the same submission is one batch. */
function newRequestKey(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

interface Props {
  /** Selected customer ids (this and other pages). */
  selected: string[];
  /** Names of customers seen in the list, for the summary. */
  names: ReadonlyMap<string, string>;
  filter: CustomerFilter;
  /** Customers matching the filter. */
  total: number;
  onDone: () => void;
}

/** Issue 14: freeze or unfreeze the selected customers, or all matching the filter, with a summary. */
export function BulkActions({ selected, names, filter, total, onDone }: Props) {
  const { t } = useTranslation();
  const [allMatching, setAllMatching] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const count = allMatching ? total : selected.length;
  const tooMany = allMatching && total > BULK_MAX;
  return (
    <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }} data-testid="cust-bulk-bar">
      <Typography.Text>{t('customers.bulk.selected', { count: selected.length })}</Typography.Text>
      <Checkbox
        checked={allMatching}
        onChange={(e) => setAllMatching(e.target.checked)}
        data-testid="cust-bulk-all"
      >
        {t('customers.bulk.allMatching', { count: total, max: BULK_MAX })}
      </Checkbox>
      {tooMany ? (
        <Typography.Text type="danger">{t('customers.bulk.tooMany', { max: BULK_MAX })}</Typography.Text>
      ) : null}
      <Button
        danger
        disabled={count === 0 || tooMany}
        onClick={() => setAction('freeze')}
        data-testid="cust-bulk-freeze"
      >
        {t('customers.bulk.freeze')}
      </Button>
      <Button
        disabled={count === 0 || tooMany}
        onClick={() => setAction('unfreeze')}
        data-testid="cust-bulk-unfreeze"
      >
        {t('customers.bulk.unfreeze')}
      </Button>
      {action ? (
        <BulkModal
          action={action}
          count={count}
          target={allMatching ? { filter } : { customerIds: selected }}
          names={names}
          onClose={(changed) => {
            setAction(null);
            if (changed) {
              setAllMatching(false);
              onDone();
            }
          }}
        />
      ) : null}
    </Flex>
  );
}

function BulkModal({
  action,
  count,
  target,
  names,
  onClose,
}: {
  action: Action;
  count: number;
  target: { filter: CustomerFilter } | { customerIds: string[] };
  names: ReadonlyMap<string, string>;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; freezeType: FreezeType }>();
  const [requestKey] = useState(newRequestKey);
  const bulk = useBulkFreeze();
  const result = bulk.data;
  const title = t(action === 'freeze' ? 'customers.bulk.freezeTitle' : 'customers.bulk.unfreezeTitle', {
    count,
  });
  return (
    <Modal
      open
      title={title}
      onCancel={() => onClose(!!result)}
      onOk={() => (result ? onClose(true) : form.submit())}
      okText={result ? t('customers.bulk.close') : t('customers.bulk.confirm')}
      okButtonProps={{
        danger: action === 'freeze' && !result,
        ...({ 'data-testid': 'cust-bulk-ok' } as Record<string, string>),
      }}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      confirmLoading={bulk.isPending}
      destroyOnHidden
    >
      {result ? (
        <Summary result={result} names={names} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ freezeType: 'ACCOUNT' }}
          onFinish={(v) =>
            bulk.mutate({
              requestKey,
              action,
              reason: v.reason,
              ...(action === 'freeze' ? { freezeType: v.freezeType } : {}),
              ...target,
            })
          }
        >
          <Alert
            type={action === 'freeze' ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            message={t(action === 'freeze' ? 'customers.bulk.freezeHint' : 'customers.bulk.unfreezeHint', {
              count,
            })}
          />
          {bulk.error ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              message={toShownError(bulk.error, t('common.loadFailed')).message}
            />
          ) : null}
          {action === 'freeze' ? (
            <Form.Item name="freezeType" label={t('customers.detail.freezeType')}>
              <Radio.Group
                options={[
                  { value: 'ACCOUNT', label: t('customers.detail.freezeAccount') },
                  { value: 'ACCOUNT_AND_RESOURCE', label: t('customers.detail.freezeAll') },
                ]}
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="reason"
            label={t('customers.detail.reason')}
            rules={[{ required: true, max: 256 }]}
          >
            <Input.TextArea rows={3} maxLength={256} showCount data-testid="cust-bulk-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function Summary({ result, names }: { result: BulkResult; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const failed = result.errorDetails.length;
  return (
    <div data-testid="cust-bulk-summary">
      <Alert
        type={failed === 0 ? 'success' : result.succeeded.length === 0 ? 'error' : 'warning'}
        showIcon
        message={t('customers.bulk.summary', { ok: result.succeeded.length, failed })}
        style={{ marginBottom: failed ? 12 : 0 }}
      />
      {failed ? (
        <List
          size="small"
          bordered
          header={t('customers.bulk.failures')}
          dataSource={result.errorDetails}
          renderItem={(e) => (
            <List.Item>
              <Typography.Text strong>{names.get(e.id) ?? e.id}</Typography.Text>: {e.errorMsg}
            </List.Item>
          )}
        />
      ) : null}
    </div>
  );
}
