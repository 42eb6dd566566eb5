import { Button, Card, Flex, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/api/session.ts';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import { type Holiday, useHolidays, useRemoveHoliday, useSetHoliday } from './tickets-api.ts';

interface Values {
  date: string;
  kind: Holiday['kind'];
  nameZh: string;
  nameEn: string;
}

const WEEKDAY = {
  'zh-CN': ['日', '一', '二', '三', '四', '五', '六'],
  'en-US': ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/** Console > Holiday calendar: the days off and adjusted working weekends behind ticket due times. */
export function HolidaysPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const me = useMe();
  const canEdit = me.data?.roles.includes('admin') ?? false;
  const [year, setYear] = useState(() => new Date().getFullYear());
  const list = useHolidays(year);
  const set = useSetHoliday();
  const remove = useRemoveHoliday();
  const [form] = Form.useForm<Values>();
  const days = i18n.language.startsWith('zh') ? WEEKDAY['zh-CN'] : WEEKDAY['en-US'];
  const fail = (err: unknown) => message.error(toShownError(err, t('common.loadFailed')).message);

  const save = (v: Values) =>
    set.mutate(
      { date: v.date, kind: v.kind, nameZh: v.nameZh, nameEn: v.nameEn },
      {
        onSuccess: (r) => {
          message.success(t('tickets.holidays.saved', { count: r.ticketsRedated }));
          form.resetFields(['date']);
        },
        onError: fail,
      },
    );

  return (
    <>
      <PageHeader
        title={t('tickets.holidays.title')}
        subtitle={t('tickets.holidays.subtitle')}
        extra={
          <Select
            aria-label={t('tickets.holidays.year')}
            data-testid="holiday-year"
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={[-1, 0, 1, 2].map((d) => {
              const y = new Date().getFullYear() + d;
              return { value: y, label: String(y) };
            })}
          />
        }
      />
      {canEdit ? (
        <Card style={{ marginBottom: 16 }}>
          <Form<Values> form={form} layout="inline" onFinish={save} initialValues={{ kind: 'holiday' }}>
            <Form.Item name="date" rules={[{ required: true, message: t('tickets.holidays.date') }]}>
              <Input
                type="date"
                aria-label={t('tickets.holidays.date')}
                data-testid="holiday-date"
                style={{ width: 160 }}
              />
            </Form.Item>
            <Form.Item name="kind">
              <Select
                aria-label={t('tickets.holidays.kind')}
                data-testid="holiday-kind"
                style={{ width: 170 }}
                options={[
                  { value: 'holiday', label: t('tickets.holidays.holiday') },
                  { value: 'workday', label: t('tickets.holidays.workday') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="nameZh"
              rules={[{ required: true, whitespace: true, message: t('tickets.holidays.nameZh') }]}
            >
              <Input
                data-testid="holiday-name-zh"
                maxLength={50}
                placeholder={t('tickets.holidays.nameZh')}
              />
            </Form.Item>
            <Form.Item
              name="nameEn"
              rules={[{ required: true, whitespace: true, message: t('tickets.holidays.nameEn') }]}
            >
              <Input
                data-testid="holiday-name-en"
                maxLength={80}
                placeholder={t('tickets.holidays.nameEn')}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={set.isPending} data-testid="holiday-save">
              {t('tickets.holidays.add')}
            </Button>
          </Form>
        </Card>
      ) : (
        <Typography.Paragraph type="secondary">{t('tickets.holidays.readOnly')}</Typography.Paragraph>
      )}
      <Card>
        <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
          <div data-testid="holiday-table">
            <Table<Holiday>
              rowKey="date"
              size="small"
              loading={list.isLoading}
              dataSource={list.data?.items ?? []}
              pagination={false}
              locale={{ emptyText: t('tickets.holidays.empty') }}
              onRow={(r) =>
                ({ 'data-testid': 'holiday-row', 'data-date': r.date }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                {
                  title: t('tickets.holidays.date'),
                  dataIndex: 'date',
                  render: (v: string) => (
                    <span style={nowrap}>
                      {v} ({days[new Date(`${v}T00:00:00Z`).getUTCDay()]})
                    </span>
                  ),
                },
                {
                  title: t('tickets.holidays.kind'),
                  dataIndex: 'kind',
                  render: (v: Holiday['kind']) => (
                    <Tag color={v === 'holiday' ? 'red' : 'blue'}>{t(`tickets.holidays.${v}`)}</Tag>
                  ),
                },
                {
                  title: t('tickets.holidays.name'),
                  dataIndex: i18n.language.startsWith('zh') ? 'nameZh' : 'nameEn',
                },
                {
                  title: t('tickets.holidays.updatedAt'),
                  dataIndex: 'updatedAt',
                  render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
                },
                ...(canEdit
                  ? [
                      {
                        title: '',
                        key: 'actions',
                        render: (_: unknown, r: Holiday) => (
                          <Flex gap={8}>
                            <Button
                              size="small"
                              onClick={() =>
                                form.setFieldsValue({
                                  date: r.date,
                                  kind: r.kind,
                                  nameZh: r.nameZh,
                                  nameEn: r.nameEn,
                                })
                              }
                            >
                              {t('common.edit')}
                            </Button>
                            <Popconfirm
                              title={t('tickets.holidays.removeConfirm', { date: r.date })}
                              onConfirm={() =>
                                remove.mutate(r.date, {
                                  onSuccess: (res) =>
                                    message.success(
                                      t('tickets.holidays.saved', { count: res.ticketsRedated }),
                                    ),
                                  onError: fail,
                                })
                              }
                            >
                              <Button size="small" danger data-testid="holiday-remove">
                                {t('tickets.holidays.remove')}
                              </Button>
                            </Popconfirm>
                          </Flex>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </div>
        </QueryState>
      </Card>
    </>
  );
}
