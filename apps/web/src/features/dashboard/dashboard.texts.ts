// The dashboard widgets' texts, in both languages. They ship with the widgets' own chunk, not with
// the dashboard's first load (which is at the 300 kB limit), so they are not in the i18next tree.
import { useTranslation } from 'react-i18next';
import { parseLanguage } from '../../platform/i18n/index.ts';

const enUS = {
  performance: {
    title: 'Annual performance {year}',
    amount: 'This year',
    previous: 'Last year',
    threshold: 'Threshold',
    reached: 'Threshold reached: you may apply to the Authorized Sales Support Center program.',
    remaining: '¥{amount} to go to reach the threshold.',
    details: 'Details',
  },
  tasks: {
    title: 'Open tasks',
    none: 'Nothing waits for you.',
    review: 'Certificate review due by {deadline}',
    invitations: 'Distributor invitations to answer',
    tickets: 'Tickets awaiting your reply',
    incentives: 'Incentive notices to confirm',
  },
  alerts: {
    title: 'Budget alerts (last 30 days)',
    none: 'No budget alerts in the last 30 days.',
    line: '{customer} reached {threshold}% of its budget',
    restricted: 'purchases restricted',
    used: '¥{used} of ¥{budget}',
  },
  manager: {
    title: 'Ecosystem manager',
    none: 'Not assigned yet',
    body: 'Your ecosystem manager is your contact for program upgrades and reviews. One is assigned after certification.',
    contact: 'Your contact for program applications, upgrades and reviews.',
  },
};

const zhCN: typeof enUS = {
  performance: {
    title: '{year} 年度业绩',
    amount: '本年',
    previous: '上年',
    threshold: '门槛',
    reached: '已达到门槛：可申请授权销售服务中心计划。',
    remaining: '距门槛还差 ¥{amount}。',
    details: '详情',
  },
  tasks: {
    title: '待办事项',
    none: '暂无待办事项。',
    review: '证书年审材料请于 {deadline} 前提交',
    invitations: '待答复的分销商邀请',
    tickets: '待您回复的工单',
    incentives: '待确认的激励通知',
  },
  alerts: {
    title: '预算告警（近 30 天）',
    none: '近 30 天没有预算告警。',
    line: '{customer} 已达预算的 {threshold}%',
    restricted: '已限制购买',
    used: '已用 ¥{used} / 预算 ¥{budget}',
  },
  manager: {
    title: '生态经理',
    none: '尚未分配',
    body: '生态经理是您在计划升级、复核等事务上的联系人，完成认证后为您分配。',
    contact: '计划申请、升级与复核事务的联系人。',
  },
};

export type DashboardTexts = typeof enUS;

/** The widgets' texts in the language in use. */
export function useDashboardTexts(): DashboardTexts {
  const { i18n } = useTranslation();
  return parseLanguage(i18n.language) === 'en-US' ? enUS : zhCN;
}

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
