import type { Localized } from '../../platform/i18n/i18n.ts';

/**
 * Names of the common cloud service types, for policies and the partner API's
 * `service_type_name`. Spend may carry short codes (`ecs`) or the provider's full codes
 * (`hws.service.type.ecs`); both are named. Unknown types are shown by their code.
 */
const NAMES: Record<string, Localized> = {
  ecs: { 'zh-CN': '弹性云服务器', 'en-US': 'Elastic Cloud Server' },
  evs: { 'zh-CN': '云硬盘', 'en-US': 'Elastic Volume Service' },
  obs: { 'zh-CN': '对象存储服务', 'en-US': 'Object Storage Service' },
  rds: { 'zh-CN': '云数据库 RDS', 'en-US': 'Relational Database Service' },
  vpc: { 'zh-CN': '虚拟私有云', 'en-US': 'Virtual Private Cloud' },
  eip: { 'zh-CN': '弹性公网IP', 'en-US': 'Elastic IP' },
  cdn: { 'zh-CN': '内容分发网络', 'en-US': 'Content Delivery Network' },
  cce: { 'zh-CN': '云容器引擎', 'en-US': 'Cloud Container Engine' },
  dcs: { 'zh-CN': '分布式缓存服务', 'en-US': 'Distributed Cache Service' },
  elb: { 'zh-CN': '弹性负载均衡', 'en-US': 'Elastic Load Balance' },
};

export function serviceTypeName(code: string): Localized {
  const short = code.replace(/^hws\.service\.type\./, '');
  return NAMES[short] ?? { 'zh-CN': code, 'en-US': code };
}

/** The service types named above (short codes), in a stable order. */
export const KNOWN_SERVICE_TYPES: readonly string[] = Object.keys(NAMES).sort();

/** The provider's full code of a service type (`ecs` → `hws.service.type.ecs`). */
export function fullServiceTypeCode(code: string): string {
  return code.includes('.') ? code : `hws.service.type.${code}`;
}

export function shortServiceTypeCode(code: string): string {
  return code.replace(/^hws\.service\.type\./, '');
}
