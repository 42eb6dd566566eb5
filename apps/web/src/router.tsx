import { createBrowserRouter, type RouteObject } from 'react-router';
import { FEATURES } from './features/index.ts';
import { FullPageSpin } from './platform/components/full-page-spin.tsx';
import { NotFoundPage, RouteError } from './platform/components/route-error.tsx';
import { lazyPage } from './platform/feature.ts';
import { PublicLayout } from './platform/layouts/public-layout.tsx';

type Area = 'public' | 'portal' | 'console' | 'root';
const routesOf = (area: Area): RouteObject[] => FEATURES.flatMap((f) => f.routes?.[area] ?? []);

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    // Shown while the first page's code loads.
    HydrateFallback: FullPageSpin,
    children: [
      { path: '/', Component: PublicLayout, children: routesOf('public') },
      {
        path: '/',
        ...lazyPage(() => import('./platform/layouts/portal-layout.tsx'), 'PortalLayout'),
        children: routesOf('portal'),
      },
      {
        path: '/console',
        ...lazyPage(() => import('./platform/layouts/console-layout.tsx'), 'ConsoleLayout'),
        children: routesOf('console'),
      },
      ...routesOf('root'),
      { path: '*', Component: NotFoundPage },
    ],
  },
]);
