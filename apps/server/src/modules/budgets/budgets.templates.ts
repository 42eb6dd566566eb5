import { defineTemplates } from '../../platform/notifications/template.ts';

/**
 * R13 budget alerts to the recipients a partner registered for a customer. Data: name,
 * customerName, customerDomainId, customerId, threshold (75 | 90 | 100), used, budget (yuan text),
 * period (`YYYY-MM` for monthly budgets, empty for one-time budgets).
 */
export const budgetsTemplates = defineTemplates({
  'budgets.threshold_crossed': {
    link: '/customers/{customerId}/budget',
    'zh-CN': {
      subject: '【合作伙伴中心】客户 {customerName} 的预算已使用 {threshold}%',
      body: '您好，{name}：\n\n客户 {customerName}（账号 ID {customerDomainId}）{period} 的消费已达到预算的 {threshold}%：已用 {used:money} 元，预算 {budget:money} 元。\n\n请及时关注客户的消费情况，必要时调整预算。\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】{name}，客户 {customerName} 的预算已使用 {threshold}%（已用 {used:money} 元 / 预算 {budget:money} 元）。',
    },
    'en-US': {
      subject: '[Partner Center] Customer {customerName} has used {threshold}% of the budget',
      body: 'Hello {name},\n\nThe spend of customer {customerName} (account ID {customerDomainId}) {period} reached {threshold}% of the budget: {used:yuan} used of {budget:yuan}.\n\nPlease keep an eye on the customer’s spend and adjust the budget if needed.\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] {name}: customer {customerName} has used {threshold}% of the budget ({used:yuan} of {budget:yuan}).',
    },
  },
  'budgets.exhausted_restricted': {
    link: '/customers/{customerId}/budget',
    'zh-CN': {
      subject: '【合作伙伴中心】客户 {customerName} 的预算已用完，已限制购买',
      body: '您好，{name}：\n\n客户 {customerName}（账号 ID {customerDomainId}）{period} 的消费已达到预算的 100%：已用 {used:money} 元，预算 {budget:money} 元。按预算设置，客户已被限制新购和续费。\n\n如需解除，请调整预算或在预算页面手动解除限制。\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】{name}，客户 {customerName} 的预算已用完（已用 {used:money} 元 / 预算 {budget:money} 元），已限制新购和续费。',
    },
    'en-US': {
      subject: '[Partner Center] Customer {customerName} used up the budget: purchases restricted',
      body: 'Hello {name},\n\nThe spend of customer {customerName} (account ID {customerDomainId}) {period} reached 100% of the budget: {used:yuan} used of {budget:yuan}. As the budget is set to, new purchases and renewals of the customer are now restricted.\n\nTo lift it, change the budget or lift the restriction on the budget page.\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] {name}: customer {customerName} used up the budget ({used:yuan} of {budget:yuan}); new purchases and renewals are restricted.',
    },
  },
});
