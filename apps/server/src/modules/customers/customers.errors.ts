import { type CodesOf, defineErrors } from '../../platform/errors/errors.ts';

/** Customers and associations (R6, R18). Portal codes are dotted; partner-API codes keep `CBC.`. */
export const CustomersErrors = defineErrors({
  'customers.domain_name_invalid': {
    status: 400,
    message: {
      'zh-CN': '账号名需为 5–32 位字母、数字、下划线或中划线，不能以数字开头，也不能以 op_ 或 shadow_ 开头',
      'en-US':
        'The account name must be 5–32 letters, digits, "_" or "-", must not start with a digit, "op_" or "shadow_"',
    },
    cbc: 'CBC.0100',
  },
  'customers.domain_name_taken': {
    status: 409,
    message: { 'zh-CN': '账号名已被使用', 'en-US': 'This account name is already in use' },
    cbc: 'CBC.99001001',
  },
  'customers.already_associated': {
    status: 409,
    message: {
      'zh-CN': '该客户已关联了一个伙伴，一个客户同一时间只能关联一个伙伴',
      'en-US': 'The customer is already associated with a partner; a customer has one partner at a time',
    },
    cbc: 'CBC.99000035',
  },
  'customers.bulk_too_many': {
    status: 400,
    message: {
      'zh-CN': '一次最多批量处理 {max} 个客户，请缩小筛选范围',
      'en-US': 'A bulk action handles at most {max} customers; narrow the filter',
    },
  },
  'customers.bulk_key_reused': {
    status: 409,
    message: {
      'zh-CN': '该请求标识已用于另一项批量操作',
      'en-US': 'This request key was already used for a different bulk action',
    },
  },
  'customers.not_associated': {
    status: 409,
    message: { 'zh-CN': '该客户当前没有关联伙伴', 'en-US': 'The customer is not associated with a partner' },
  },
  'customers.change_too_soon': {
    status: 409,
    message: {
      'zh-CN': '解除关联或变更关联类型每 3 个月最多一次，{date} 起可再次操作',
      'en-US':
        'Unbinding or changing the association type is allowed once every 3 months; possible again from {date}',
    },
  },
  'customers.same_type': {
    status: 409,
    message: { 'zh-CN': '关联类型未变化', 'en-US': 'The association already has this type' },
  },
  'customers.request_pending': {
    status: 409,
    message: {
      'zh-CN': '已有一条待处理的邀请或申请',
      'en-US': 'There is already a pending invitation or application',
    },
  },
  'customers.request_not_pending': {
    status: 409,
    message: {
      'zh-CN': '该邀请或申请已处理（{status}）',
      'en-US': 'This request was already answered ({status})',
    },
  },
  'customers.invitation_expired': {
    status: 410,
    message: { 'zh-CN': '邀请已过期', 'en-US': 'The invitation has expired' },
  },
  'customers.invitation_other_email': {
    status: 403,
    message: {
      'zh-CN': '该邀请发给了另一个邮箱，请使用被邀请的邮箱登录',
      'en-US': 'This invitation was sent to another email address; sign in with the invited address',
    },
  },
  'customers.partner_not_found': {
    status: 404,
    message: { 'zh-CN': '未找到该伙伴', 'en-US': 'No partner with this account ID or name' },
  },
  'customers.already_frozen': {
    status: 409,
    message: { 'zh-CN': '客户已处于冻结状态', 'en-US': 'The customer is already frozen' },
    cbc: 'CBC.99001004',
  },
  'customers.not_frozen': {
    status: 409,
    message: { 'zh-CN': '客户未被冻结', 'en-US': 'The customer is not frozen' },
    cbc: 'CBC.99001005',
  },
  'customers.unfreeze_type_differs': {
    status: 409,
    message: {
      'zh-CN': '解冻类型与冻结类型（{freeze_type}）不一致',
      'en-US': 'The unfreeze type differs from the freeze type ({freeze_type})',
    },
    cbc: 'CBC.99001008',
  },
  'customers.not_customer_user': {
    status: 403,
    message: { 'zh-CN': '请使用客户账号登录', 'en-US': 'Please sign in with a customer account' },
  },
  // Partner API codes of our own (the contract leaves these cases open).
  'CBC.99001001': {
    status: 400,
    message: { 'zh-CN': '账号名已被使用', 'en-US': 'The account name is already in use' },
  },
  'CBC.99001002': {
    status: 400,
    message: { 'zh-CN': '验证码错误或已过期', 'en-US': 'The verification code is wrong or has expired' },
  },
  'CBC.99001003': {
    status: 400,
    message: { 'zh-CN': '手机号或邮箱已被使用', 'en-US': 'The mobile phone or email is already in use' },
  },
  'CBC.99001004': {
    status: 400,
    message: { 'zh-CN': '客户已处于冻结状态', 'en-US': 'The customer is already frozen' },
  },
  'CBC.99001005': {
    status: 400,
    message: { 'zh-CN': '客户未被冻结', 'en-US': 'The customer is not frozen' },
  },
  'CBC.99001006': {
    status: 400,
    message: {
      'zh-CN': '该 xaccount_id 已绑定账号名 {domain_name}，与请求中的 domain_name 不同',
      'en-US':
        'This xaccount_id is already bound to the account name {domain_name}, not the requested domain_name',
    },
  },
  'CBC.99001008': {
    status: 400,
    message: {
      'zh-CN': '解冻类型与冻结类型（{freeze_type}）不一致',
      'en-US': 'The unfreeze type differs from the freeze type ({freeze_type})',
    },
  },
});

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof CustomersErrors> {}
}
