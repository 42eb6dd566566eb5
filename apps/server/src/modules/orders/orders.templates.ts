import { defineTemplates } from '../../platform/notifications/template.ts';

/** Coupon notices. Data: name (addressee), customerName, customerDomainId, couponId, faceValue (yuan), revokeReason. */
export const ordersTemplates = defineTemplates({
  'orders.coupon_revoked': {
    link: '/customer/orders',
    'zh-CN': {
      subject: '【华为云】您的代金券 {couponId} 已被收回',
      body: '尊敬的 {name}：\n\n您的代金券 {couponId}（面额 {faceValue:yuan}）已被收回，不能再用于支付订单。\n收回原因：{revokeReason}\n\n如有疑问，请联系您的合作伙伴或提交工单。\n\n{publicUrl}',
      sms: '【华为云】尊敬的{name}，您的代金券{couponId}（面额{faceValue:yuan}）已被收回，原因：{revokeReason}。',
    },
    'en-US': {
      subject: '[Cloud] Your cash coupon {couponId} has been withdrawn',
      body: 'Dear {name},\n\nYour cash coupon {couponId} (face value {faceValue:yuan}) has been withdrawn and can no longer pay for orders.\nReason: {revokeReason}\n\nIf you have questions, contact your partner or open a ticket.\n\n{publicUrl}',
      sms: '[Cloud] {name}: your cash coupon {couponId} ({faceValue:yuan}) has been withdrawn. Reason: {revokeReason}.',
    },
  },
  'orders.coupon_revoked_partner': {
    link: '/customers',
    'zh-CN': {
      subject: '【合作伙伴中心】转售客户 {customerName} 的代金券 {couponId} 已被收回',
      body: '您好，{name}：\n\n您的转售客户 {customerName}（账号 ID {customerDomainId}）的代金券 {couponId}（面额 {faceValue:yuan}）已被收回，不能再用于为该客户支付订单。\n收回原因：{revokeReason}\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】{name}，转售客户{customerName}的代金券{couponId}（{faceValue:yuan}）已被收回，原因：{revokeReason}。',
    },
    'en-US': {
      subject: '[Partner Center] Cash coupon {couponId} of resale customer {customerName} has been withdrawn',
      body: 'Hello {name},\n\nThe cash coupon {couponId} (face value {faceValue:yuan}) of your resale customer {customerName} (account ID {customerDomainId}) has been withdrawn and can no longer pay for this customer’s orders.\nReason: {revokeReason}\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] {name}: cash coupon {couponId} ({faceValue:yuan}) of resale customer {customerName} was withdrawn. Reason: {revokeReason}.',
    },
  },
});
