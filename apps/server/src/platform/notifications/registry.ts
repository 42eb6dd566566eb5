import { type ModuleManifest, templatesOf } from '../module.ts';
import { commonTemplates } from './common.templates.ts';
import type { NotificationTemplate } from './template.ts';

/** Every template by id: the platform's common ones and each module's `templates`. */
export function templateRegistryOf(
  modules: readonly ModuleManifest[],
): Readonly<Record<string, NotificationTemplate>> {
  return templatesOf(modules, commonTemplates);
}
