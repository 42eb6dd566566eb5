import type { Locale, Localized } from '../../platform/i18n/i18n.ts';

type Names = Localized;

/** Display names of the common service types (the provider's codes, and the short ones demo data uses). */
const SERVICE_NAMES: Record<string, Names> = {
  ecs: { 'zh-CN': '弹性云服务器', 'en-US': 'Elastic Cloud Server' },
  evs: { 'zh-CN': '云硬盘', 'en-US': 'Elastic Volume Service' },
  obs: { 'zh-CN': '对象存储服务', 'en-US': 'Object Storage Service' },
  rds: { 'zh-CN': '云数据库 RDS', 'en-US': 'Relational Database Service' },
  vpc: { 'zh-CN': '虚拟私有云', 'en-US': 'Virtual Private Cloud' },
  eip: { 'zh-CN': '弹性公网IP', 'en-US': 'Elastic IP' },
  elb: { 'zh-CN': '弹性负载均衡', 'en-US': 'Elastic Load Balance' },
  cdn: { 'zh-CN': '内容分发网络', 'en-US': 'Content Delivery Network' },
  cce: { 'zh-CN': '云容器引擎', 'en-US': 'Cloud Container Engine' },
  dcs: { 'zh-CN': '分布式缓存服务', 'en-US': 'Distributed Cache Service' },
  domains: { 'zh-CN': '域名注册服务', 'en-US': 'Domain Name Service' },
  bandwidth: { 'zh-CN': '带宽', 'en-US': 'Bandwidth' },
};

/** The service type's name in the language, or the code itself when unknown. */
export function serviceTypeName(code: string, locale: Locale): string {
  const short = code.startsWith('hws.service.type.') ? code.slice('hws.service.type.'.length) : code;
  return SERVICE_NAMES[short]?.[locale] ?? code;
}
