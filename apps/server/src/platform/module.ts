import type { DbOrTx } from '@pc/db';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import type { ErrorDef } from './errors/errors.ts';
import type { DomainEvent, EventListener } from './events/domain-events.ts';
import { type OperatorRole, operatorMay, type ResolveSession } from './http/auth.ts';
import type { JobDefinition } from './jobs/job-definition.ts';
import type { RecordInAppMessages } from './notifications/notifier.ts';
import type { NotificationTemplate } from './notifications/template.ts';
import type { FindPartnerApiKey } from './partner-api/scope.ts';

/** A Fastify plugin of routes; it receives the app context. */
// biome-ignore lint/suspicious/noExplicitAny: route plugins declare their own option and provider types
export type RoutesPlugin = (app: FastifyInstance, opts: { ctx: AppContext }) => Promise<void> | any;

/**
 * What the platform needs from modules without importing them. Each hook is provided by exactly
 * one module's manifest (`hooks`); `buildApp` collects them.
 */
export interface PlatformHooks {
  /** identity: the live session of a cookie token (sliding its expiry), or null. */
  resolveSession: ResolveSession;
  /** developer: the access key a partner-API request is signed with, or undefined. */
  findPartnerApiKey: FindPartnerApiKey;
  /** messages: stores the in-app copies of notifications in the notifier's transaction. */
  recordInAppMessages: RecordInAppMessages;
}

export interface PartnerTabAccess {
  /** The web tab's key (`partnerTabs[].key` of the web feature). */
  key: string;
  roles?: readonly OperatorRole[];
}

/** A module's reaction to another module's domain event (see `listen`). */
// biome-ignore lint/suspicious/noExplicitAny: each listener has its own payload type
export type Listener<P = any> = EventListener<P, AppContext>;

/** `listeners: [listen(spendAccepted, handler)]` in a manifest; the handler runs in the publisher's transaction. */
export function listen<P>(
  event: DomainEvent<P>,
  handle: (ctx: AppContext, tx: DbOrTx, payload: P) => Promise<void>,
): Listener<P> {
  return { event, handle };
}

/** A module's manifest: everything it adds to the app. Listed once in `modules/index.ts`. */
export interface ModuleManifest {
  name: string;
  /** Portal routes (`/api/…`). */
  routes: readonly RoutesPlugin[];
  /** Operator console routes (`/api/console/…`). */
  consoleRoutes?: readonly RoutesPlugin[];
  /** Partner API operations, registered inside the signed `/v2` scope. */
  partnerApiRoutes?: readonly RoutesPlugin[];
  /** Partner API operations the provider serves under `/v3` (same signing and dialect), e.g. PayOrders. */
  partnerApiV3Routes?: readonly RoutesPlugin[];
  jobs: readonly JobDefinition[];
  /** Notification templates by id (`<module>.<name>`). */
  templates: Readonly<Record<string, NotificationTemplate>>;
  /** The module's error catalogue (`<module>.errors.ts`): codes with status, zh-CN/en-US text, CBC code. */
  errors: Readonly<Record<string, ErrorDef>>;
  /** Idempotent demo data, run in MODULES order by `npm start`. */
  demo?: (ctx: AppContext) => Promise<void>;
  /** Reactions to other modules' domain events. */
  listeners?: readonly Listener[];
  hooks?: Partial<PlatformHooks>;
  /**
   * Tabs of the console's partner detail page that show this module's data, with the operator roles
   * its routes require (the same constants its routes check; none: any operator). The page shows
   * only the tabs `GET /api/console/partner-tabs` allows, so no tab answers 403.
   */
  partnerTabs?: readonly PartnerTabAccess[];
  /**
   * For the tenancy test: paths anyone may call, portal paths operators have no business on, and
   * console paths only some operator roles may call (every other role is refused with 403).
   */
  tenancy?: {
    public?: readonly RegExp[];
    partnerOnly?: readonly RegExp[];
    operatorRoles?: readonly { path: RegExp; roles: readonly string[] }[];
  };
}

export function defineModule<M extends ModuleManifest>(manifest: M): M {
  return manifest;
}

/** The hooks of all modules; each must be provided exactly once. */
export function hooksOf(modules: readonly ModuleManifest[]): PlatformHooks {
  const hooks: Partial<PlatformHooks> = {};
  for (const m of modules) {
    for (const [name, fn] of Object.entries(m.hooks ?? {})) {
      if (name in hooks) throw new Error(`platform hook ${name} is provided twice (again by ${m.name})`);
      (hooks as Record<string, unknown>)[name] = fn;
    }
  }
  for (const name of ['resolveSession', 'findPartnerApiKey', 'recordInAppMessages'] as const) {
    if (!hooks[name]) throw new Error(`no module provides the platform hook ${name}`);
  }
  return hooks as PlatformHooks;
}

/** Every template of every module, by id; a duplicate id is an error. */
export function templatesOf(
  modules: readonly ModuleManifest[],
  base: Readonly<Record<string, NotificationTemplate>> = {},
): Readonly<Record<string, NotificationTemplate>> {
  const all: Record<string, NotificationTemplate> = { ...base };
  for (const m of modules) {
    for (const [id, t] of Object.entries(m.templates)) {
      if (id in all) throw new Error(`template ${id} is defined twice (again by ${m.name})`);
      all[id] = t;
    }
  }
  return all;
}

/** Registers the portal and console routes of every module (the partner API goes through its scope). */
export async function registerModuleRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  modules: readonly ModuleManifest[],
): Promise<void> {
  for (const m of modules) {
    for (const routes of [...m.routes, ...(m.consoleRoutes ?? [])]) await app.register(routes, { ctx });
  }
}

/** The partner-detail tabs an operator with these roles may open, by the modules' declarations. */
export function partnerTabsFor(modules: readonly ModuleManifest[], held: readonly string[]): string[] {
  return modules
    .flatMap((m) => m.partnerTabs ?? [])
    .flatMap((t) => (operatorMay(held, t.roles) ? [t.key] : []));
}
