import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** The public site: landing page and the partner programmes. */
export const programs = defineFeature({
  name: 'programs',
  // The fit of each program for a signed-in partner is told in the memberships feature's words.
  uses: ['memberships'],
  routes: {
    public: [
      { index: true, ...lazyPage(() => import('./home-page.tsx'), 'HomePage') },
      { path: 'programs', ...lazyPage(() => import('./programs-page.tsx'), 'ProgramsPage') },
      { path: 'programs/:code', ...lazyPage(() => import('./program-page.tsx'), 'ProgramPage') },
    ],
  },
});
