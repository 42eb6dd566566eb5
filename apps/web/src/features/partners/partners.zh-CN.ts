import type { partnersEnUS } from './partners.en-US.ts';

export const partnersZhCN: typeof partnersEnUS = {
  directory: {
    title: '伙伴目录',
    subtitle: '全部合作伙伴：按名称、伙伴 ID 或账号 ID 搜索并筛选，点击查看详情。',
    search: '名称、伙伴 ID 或账号 ID',
    program: '伙伴计划',
    tier: '渠道层级',
    kind: '伙伴类型',
    status: '状态',
    name: '伙伴',
    programs: '已加入计划',
    registered: '注册时间',
    total: '共 {{count}} 家伙伴',
    empty: '没有符合条件的伙伴。',
    tiers: { tier1: '一级（总经销商）', tier2: '二级（云经销商）', direct: '直销' },
    kinds: { unassigned: '暂无类型' },
  },
  status: { active: '正常', suspended: '已暂停' },
  standing: {
    suspend: '暂停',
    resume: '恢复',
    suspendTitle: '暂停 {{name}}？',
    resumeTitle: '恢复 {{name}}？',
    suspendHelp:
      '暂停后该伙伴的用户仍可登录和查看数据，但不能关联新客户、发送邀请、创建 API 密钥，合作伙伴 API 写操作会被拒绝，也不产生新的激励。系统将通过邮件和站内信把您填写的原因告知其管理员。',
    resumeHelp: '恢复后该伙伴的全部功能恢复正常，系统将把您的说明告知其管理员。',
    reason: '原因',
    reasonRequired: '请填写原因',
    confirmSuspend: '确认暂停',
    confirmResume: '确认恢复',
    suspended: '已暂停该伙伴',
    resumed: '已恢复该伙伴',
    since: '自 {{time}} 起暂停：{{reason}}',
  },
};
