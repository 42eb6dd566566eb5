import { Component, type ComponentType, type ReactNode, Suspense, use } from 'react';
import { useTranslation } from 'react-i18next';
import { matchRoutes, type RouteObject, useLocation, useRoutes } from 'react-router';
import { FEATURES } from './features/index.ts';
import { FullPageSpin } from './platform/components/full-page-spin.tsx';
import { RouteError } from './platform/components/route-error.tsx';
import type { Feature, Labelled, RouteHandle } from './platform/feature.ts';
import { lazyPage } from './platform/feature.ts';
import { PublicLayout } from './platform/layouts/public-layout.tsx';
import { AppTitleContext } from './platform/lib/use-document-title.ts';
import { ensureTexts, hasTexts, wantTexts } from './strings.ts';

/** Draws its children once these features' texts are loaded (suspends until then). */
function TextsGate({ names, children }: { names: readonly string[]; children: ReactNode }) {
  useTranslation(); // a language switch re-checks
  if (!hasTexts(names)) use(ensureTexts(names));
  return children;
}

const gate = (names: readonly string[], route: RouteObject): RouteObject =>
  names.length === 0
    ? route
    : {
        ...route,
        element: <TextsGate names={names}>{route.element}</TextsGate>,
        handle: { ...(route.handle as RouteHandle | undefined), texts: names } satisfies RouteHandle,
      };

type Area = 'public' | 'portal' | 'console' | 'root';
const textsOf = (f: Feature) => [...(f.strings ? [f.name] : []), ...(f.uses ?? [])];
// Each route brings the texts of its feature (and of those it shows); a frame brings those of the
// features whose entries name their label by text key (`labelKey`) rather than `label`.
const routesOf = (area: Area): RouteObject[] =>
  FEATURES.flatMap((f) => (f.routes?.[area] ?? []).map((r) => gate(textsOf(f), r)));

const keyed = (entries: readonly Labelled[] | undefined) =>
  (entries ?? []).some((e) => e.labelKey !== undefined);
const framesTexts = (has: (f: Feature) => boolean) =>
  FEATURES.filter((f) => f.strings && has(f)).map((f) => f.name);
const PORTAL_TEXTS = framesTexts((f) => keyed(f.portalMenu));
const CONSOLE_TEXTS = framesTexts((f) => keyed(f.consoleMenu) || keyed(f.partnerTabs));

/** The features as the app provides them: each partner-detail tab brings its feature's texts. */
export const APP_FEATURES: readonly Feature[] = FEATURES.map((f) => ({
  ...f,
  partnerTabs: f.partnerTabs?.map((tab) => ({ ...tab, component: gated(textsOf(f), tab.component) })),
}));

function gated<P extends object>(names: readonly string[], Inner: ComponentType<P>): ComponentType<P> {
  if (names.length === 0) return Inner;
  return (props: P) => (
    <TextsGate names={names}>
      <Inner {...props} />
    </TextsGate>
  );
}

// Declarative routes (useRoutes): the app uses no loaders or actions, and the data router would add
// about 15 kB gzip to every first load.
const ROUTES: RouteObject[] = [
  { path: '/', element: <PublicLayout />, children: routesOf('public') },
  gate(PORTAL_TEXTS, {
    path: '/',
    ...lazyPage(() => import('./platform/layouts/portal-layout.tsx'), 'PortalLayout'),
    children: routesOf('portal'),
  }),
  gate(CONSOLE_TEXTS, {
    path: '/console',
    ...lazyPage(() => import('./platform/layouts/console-layout.tsx'), 'ConsoleLayout'),
    children: routesOf('console'),
  }),
  ...routesOf('root'),
  { path: '*', ...lazyPage(() => import('./platform/components/not-found-page.tsx'), 'NotFoundPage') },
];

/**
 * At start, before the first render: fetches the code of every route the address matches (frame and
 * page) at once and asks for their texts with the platform's, instead of one after the other as each
 * level renders and suspends (issue 14: first paint).
 */
export function preloadRoute(pathname: string): void {
  for (const m of matchRoutes(ROUTES, pathname) ?? []) {
    const h = m.route.handle as RouteHandle | undefined;
    if (h?.texts) wantTexts(h.texts);
    void h?.preload?.().catch(() => undefined);
  }
}

/** Shows RouteError when a page throws or its code fails to load; a new path tries again. */
class RouteErrorBoundary extends Component<
  { path: string; children: ReactNode },
  { error: unknown; path: string }
> {
  override state = { error: undefined as unknown, path: this.props.path };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  static getDerivedStateFromProps(props: { path: string }, state: { error: unknown; path: string }) {
    return props.path === state.path ? null : { error: undefined, path: props.path };
  }
  override render() {
    return this.state.error === undefined ? this.props.children : <RouteError error={this.state.error} />;
  }
}

export function AppRoutes() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const element = useRoutes(ROUTES);
  // Page titles end with the console's name under /console (its sign-in pages too), else the app's.
  const inConsole = pathname === '/console' || pathname.startsWith('/console/');
  return (
    <AppTitleContext value={t(inConsole ? 'app.console' : 'app.name')}>
      <RouteErrorBoundary path={pathname}>
        <Suspense fallback={<FullPageSpin />}>{element}</Suspense>
      </RouteErrorBoundary>
    </AppTitleContext>
  );
}
