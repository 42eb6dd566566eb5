import { defineTemplates } from '../../platform/notifications/template.ts';

/**
 * R15 lifecycle notices. Data: name (addressee), customerName, customerDomainId, customerId,
 * count (resources), days (reminders), resources (one line per resource: id, name, expiry),
 * retentionDays, graceUntil.
 */
export const subscriptionsTemplates = defineTemplates({
  'subscriptions.expiry_reminder': {
    link: '/customer/renewals',
    'zh-CN': {
      subject: '【华为云】您有 {count} 个包年/包月资源将在 {days} 天内到期',
      body: '尊敬的 {name}：\n\n您的以下包年/包月资源将在 {days} 天内到期，请及时续费，以免资源到期后被冻结和释放：\n\n{resources}\n\n续费请进入“费用中心 > 续费管理”。\n\n{publicUrl}',
      sms: '【华为云】尊敬的{name}，您有{count}个包年/包月资源将在{days}天内到期，请及时到续费管理续费。',
    },
    'en-US': {
      subject: '[Cloud] {count} yearly/monthly resource(s) expire within {days} days',
      body: 'Dear {name},\n\nThe following yearly/monthly resources expire within {days} days. Renew them in time so that they are not frozen and released after expiry:\n\n{resources}\n\nRenew them in Billing Center > Renewals.\n\n{publicUrl}',
      sms: '[Cloud] {name}: {count} yearly/monthly resource(s) expire within {days} days; renew them in Renewals.',
    },
  },
  'subscriptions.expiry_reminder_partner': {
    link: '/renewals',
    'zh-CN': {
      subject: '【合作伙伴中心】转售客户 {customerName} 有 {count} 个资源将在 {days} 天内到期',
      body: '您好，{name}：\n\n您的转售客户 {customerName}（账号 ID {customerDomainId}）的以下包年/包月资源将在 {days} 天内到期：\n\n{resources}\n\n您可以在“续费管理”中为客户询价、续费并代为支付。\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】{name}，转售客户{customerName}有{count}个资源将在{days}天内到期，请及时续费。',
    },
    'en-US': {
      subject:
        '[Partner Center] {count} resource(s) of resale customer {customerName} expire within {days} days',
      body: 'Hello {name},\n\nThe following yearly/monthly resources of your resale customer {customerName} (account ID {customerDomainId}) expire within {days} days:\n\n{resources}\n\nIn Renewals you can quote, renew and pay for them on the customer’s behalf.\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] {name}: {count} resource(s) of resale customer {customerName} expire within {days} days.',
    },
  },
  'subscriptions.expired': {
    link: '/customer/renewals',
    'zh-CN': {
      subject: '【华为云】{count} 个包年/包月资源已到期并被冻结',
      body: '尊敬的 {name}：\n\n您的以下资源已到期，已进入 {retentionDays} 天的保留期，保留期内资源被冻结但数据保留，续费后即可恢复使用；保留期满（{graceUntil}）仍未续费将被释放，数据无法恢复：\n\n{resources}\n\n{publicUrl}',
      sms: '【华为云】尊敬的{name}，您有{count}个资源已到期冻结，保留期{retentionDays}天，请尽快续费，以免被释放。',
    },
    'en-US': {
      subject: '[Cloud] {count} yearly/monthly resource(s) expired and are frozen',
      body: 'Dear {name},\n\nThe following resources have expired and entered a retention period of {retentionDays} days: they are frozen but their data is kept, and renewing restores them. If they are not renewed by the end of the retention period ({graceUntil}) they are released and their data cannot be recovered:\n\n{resources}\n\n{publicUrl}',
      sms: '[Cloud] {name}: {count} resource(s) expired and are frozen; renew within {retentionDays} days or they are released.',
    },
  },
  'subscriptions.released': {
    link: '/customer/renewals',
    'zh-CN': {
      subject: '【华为云】{count} 个资源保留期已满，已被释放',
      body: '尊敬的 {name}：\n\n您的以下资源到期后在保留期内未续费，现已释放，数据已删除：\n\n{resources}\n\n{publicUrl}',
      sms: '【华为云】尊敬的{name}，您有{count}个资源保留期满未续费，已被释放。',
    },
    'en-US': {
      subject: '[Cloud] {count} resource(s) released after the retention period',
      body: 'Dear {name},\n\nThe following resources were not renewed during their retention period and have been released; their data is deleted:\n\n{resources}\n\n{publicUrl}',
      sms: '[Cloud] {name}: {count} resource(s) were not renewed in the retention period and have been released.',
    },
  },
  'subscriptions.auto_renewed': {
    link: '/customer/renewals',
    'zh-CN': {
      subject: '【华为云】资源已自动续费',
      body: '尊敬的 {name}：\n\n以下资源已按您的设置自动续费（订单 {orderId}，金额 {amount:money} 元）：\n\n{resources}\n\n{publicUrl}',
    },
    'en-US': {
      subject: '[Cloud] Resources renewed automatically',
      body: 'Dear {name},\n\nThe following resources were renewed automatically as you set (order {orderId}, {amount:yuan}):\n\n{resources}\n\n{publicUrl}',
    },
  },
  'subscriptions.auto_renew_failed': {
    link: '/customer/renewals',
    'zh-CN': {
      subject: '【华为云】资源自动续费失败',
      body: '尊敬的 {name}：\n\n以下资源自动续费失败（{reason}），请尽快手动续费：\n\n{resources}\n\n{publicUrl}',
    },
    'en-US': {
      subject: '[Cloud] Automatic renewal failed',
      body: 'Dear {name},\n\nAutomatic renewal of the following resources failed ({reason}); renew them by hand soon:\n\n{resources}\n\n{publicUrl}',
    },
  },
});
