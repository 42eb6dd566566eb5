/**
 * The SDK centre's operation descriptions in Chinese, by operation name. The English ones are the
 * operations' OpenAPI summaries; an operation missing here is shown with its English summary (a
 * test lists any that are missing).
 */
export const OPERATION_SUMMARIES_ZH: Readonly<Record<string, string>> = {
  ListIndirectPartners: '查询调用方（分销商）名下的云经销商（仅分销商可用）',
  CreateSubCustomer: '创建客户并与伙伴关联（按 xaccount_type + xaccount_id 幂等）',
  ListSubCustomers: '查询我的客户（或通过 indirect_partner_id 查询经销商的客户）',
  FreezeSubCustomers: '冻结客户，每次最多 10 个；逐个客户的失败见 error_details',
  UnfreezeSubCustomers: '解冻客户，每次最多 10 个；逐个客户的失败见 error_details',
  CheckUserIdentity: '检查邮箱、手机号或账号名是否已被账号使用',
  SendVerificationMessageCode: '通过短信或邮件发送注册验证码（每个接收方每分钟最多 1 次）',
  UpdateSubCustomerBudget: '设置客户预算（按月或一次性），可选在用满 100% 时自动限制购买',
  ShowSubCustomerBudget: '查询客户预算及当前周期已用金额',
  ListSubCustomerBudget: '批量查询最多 100 个客户的预算；非本伙伴或非转售客户不返回',
  ListSubCustomerBudgetRecords: '查询客户预算的设置与删除记录，最新在前',
  ListSubcustomerMonthlyBills:
    '查询伙伴转售客户（单个或全部）的月度账单汇总，按云服务类型、资源类型、计费模式和账单类型汇总',
  ListSubCustomerBillDetail: '查询客户某月资源级费用明细（与伙伴关联期间的消费）：先订单行，后按需用量',
  ListConsumeSubCustomers: '查询账期内（与伙伴关联期间）有消费的客户',
  ListPostpaidBillSum: '查询伙伴某月的后付费账单：转售客户的消费与退款；tax_amount 为应付金额中含 6% 增值税',
  ListSubCustomerCoupons:
    '查询客户（通过 indirect_partner_id 查询经销商客户）的代金券，最新在前；状态 2 待使用、3 已使用、4 已过期、5 已回收（撤销）',
  ListCustomerOrders: '查询客户订单（通过 indirect_partner_id 查询经销商的），默认按时间倒序',
  ShowCustomerOrderDetails: '查询一个订单及其订单项（分页）',
  ShowRefundOrderDetails: '查询退款（退订）订单的资金来源：每个已支付订单一条记录',
  ListPayPerUseCustomerResources: '查询客户的包年/包月资源（路径拼写沿用云服务商）',
  ListRenewRateOnPeriod: '查询包年/包月资源按周期续费的价格（含附属资源）',
  RenewalResources: '续费包年/包月资源：每个客户一个订单；is_auto_pay 时立即支付',
  AutoRenewalResources: '为包年/包月资源（及其附属资源）设置自动续费',
  CancelAutoRenewalResources: '取消自动续费；已取消的返回 CBC.99003605',
  CancelResourcesSubscription: '退订资源（1：含已续费周期，2：仅已续费周期）；生成退款订单',
  UpdatePeriodToOnDemand: '设置或取消到期转按需；被拒绝的见 error_details',
  ListCustomerOnDemandResources: '查询客户的按需资源',
  CancelCustomerOrder: '取消待支付订单；其他状态返回 CBC.99005010',
  ListIncentiveDiscountPolicies: '按云服务类型查询调用伙伴的激励与折扣政策',
  PayOrders: '支付转售客户的待支付订单；续费在同一事务中生效',
};
