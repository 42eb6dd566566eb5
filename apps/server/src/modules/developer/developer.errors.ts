import { defineErrors } from '../../platform/errors/errors.ts';

export const DeveloperErrors = defineErrors({
  'developer.key_not_found': {
    status: 404,
    message: { 'zh-CN': '访问密钥不存在', 'en-US': 'Access key not found' },
  },
  'developer.key_limit': {
    status: 409,
    message: {
      'zh-CN': '每个合作伙伴最多可创建 {limit} 个访问密钥',
      'en-US': 'A partner can have at most {limit} access keys',
    },
  },
  'developer.key_disabled': {
    status: 409,
    message: {
      'zh-CN': '访问密钥已停用，请先启用再轮换',
      'en-US': 'The access key is disabled; enable it before rotating',
    },
  },
});
