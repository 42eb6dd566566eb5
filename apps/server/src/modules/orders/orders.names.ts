import type { Locale, Localized } from '../../platform/i18n/i18n.ts';

/** Display names of the service and resource types the demo and tests use (provider's codes). */
const NAMES: Record<string, Localized> = {
  'hws.service.type.ec2': { 'zh-CN': '弹性云服务器', 'en-US': 'Elastic Cloud Server' },
  'hws.service.type.ebs': { 'zh-CN': '云硬盘', 'en-US': 'Elastic Volume Service' },
  'hws.service.type.vpc': { 'zh-CN': '虚拟私有云', 'en-US': 'Virtual Private Cloud' },
  'hws.service.type.rds': { 'zh-CN': '云数据库 RDS', 'en-US': 'Relational Database Service' },
  'hws.service.type.domain': { 'zh-CN': '域名注册服务', 'en-US': 'Domain Name Service' },
  'hws.resource.type.vm': { 'zh-CN': '云主机', 'en-US': 'Virtual machine' },
  'hws.resource.type.volume': { 'zh-CN': '云硬盘', 'en-US': 'Disk' },
  'hws.resource.type.bandwidth': { 'zh-CN': '带宽', 'en-US': 'Bandwidth' },
  'hws.resource.type.rds.vm': { 'zh-CN': '数据库实例', 'en-US': 'Database instance' },
  'hws.resource.type.domain': { 'zh-CN': '域名', 'en-US': 'Domain name' },
};

/** The type's name in the language, or the code itself when unknown. */
export function typeName(code: string, locale: Locale): string {
  return NAMES[code]?.[locale] ?? code;
}
